from solution import max_profit


def test_rising_then_falling():
    assert max_profit([7, 1, 5, 3, 6, 4]) == 5


def test_only_falling():
    assert max_profit([7, 6, 4, 3, 1]) == 0


def test_empty():
    assert max_profit([]) == 0


def test_low_after_high():
    assert max_profit([3, 8, 1, 4]) == 5


def test_two_days():
    assert max_profit([2, 9]) == 7
