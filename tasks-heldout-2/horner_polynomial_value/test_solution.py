from solution import evaluate


def test_constant():
    assert evaluate([7], 3) == 7


def test_linear():
    assert evaluate([2, 1], 5) == 11


def test_quadratic():
    assert evaluate([1, -3, 2], 4) == 6


def test_empty_is_zero():
    assert evaluate([], 10) == 0


def test_at_zero():
    assert evaluate([5, 4, 3], 0) == 3
