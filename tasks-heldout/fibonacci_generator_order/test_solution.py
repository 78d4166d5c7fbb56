from solution import fibonacci


def test_nothing():
    assert list(fibonacci(0)) == []


def test_below_ten():
    assert list(fibonacci(10)) == [0, 1, 1, 2, 3, 5, 8]


def test_below_two():
    assert list(fibonacci(2)) == [0, 1, 1]


def test_sum_below_hundred():
    assert sum(fibonacci(100)) == 232
