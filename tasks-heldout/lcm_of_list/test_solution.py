from solution import lcm_all, gcd


def test_single():
    assert lcm_all([7]) == 7


def test_coprime():
    assert lcm_all([3, 4]) == 12


def test_shared_factor():
    assert lcm_all([4, 6]) == 12


def test_range():
    assert lcm_all([1, 2, 3, 4, 5, 6]) == 60


def test_gcd():
    assert gcd(12, 18) == 6
