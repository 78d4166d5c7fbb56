from solution import window_max


def test_window_one():
    assert window_max([3, 1, 2], 1) == [3, 1, 2]


def test_classic():
    assert window_max([1, 3, -1, -3, 5, 3, 6, 7], 3) == [3, 3, 5, 5, 6, 7]


def test_decreasing():
    assert window_max([9, 8, 7, 6], 2) == [9, 8, 7]


def test_whole():
    assert window_max([2, 5, 1], 3) == [5]
