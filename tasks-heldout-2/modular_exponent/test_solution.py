from solution import power_mod


def test_small():
    assert power_mod(2, 10, 1000) == 24


def test_zero_exponent():
    assert power_mod(7, 0, 13) == 1


def test_mod_one():
    assert power_mod(5, 3, 1) == 0


def test_large_exponent():
    assert power_mod(3, 200, 1000007) == pow(3, 200, 1000007)


def test_base_larger_than_mod():
    assert power_mod(17, 5, 5) == 2
