from solution import fewest_coins


def test_zero():
    assert fewest_coins([1, 2], 0) == 0


def test_simple():
    assert fewest_coins([1, 2, 5], 11) == 3


def test_impossible():
    assert fewest_coins([2], 3) == -1


def test_greedy_fails():
    assert fewest_coins([1, 3, 4], 6) == 2
