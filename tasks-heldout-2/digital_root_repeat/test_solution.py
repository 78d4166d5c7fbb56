from solution import digital_root


def test_single_digit():
    assert digital_root(7) == 7


def test_two_digits():
    assert digital_root(38) == 2


def test_ten():
    assert digital_root(10) == 1


def test_large():
    assert digital_root(493193) == 2


def test_zero():
    assert digital_root(0) == 0


def test_sums_to_ten():
    assert digital_root(55) == 1
