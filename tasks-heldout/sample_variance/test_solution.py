from solution import variance


def test_constant():
    assert variance([3, 3, 3]) == 0


def test_two_values():
    assert variance([1, 3]) == 2.0


def test_small_set():
    assert variance([2, 4, 4, 4, 5, 5, 7, 9]) == 32 / 7
