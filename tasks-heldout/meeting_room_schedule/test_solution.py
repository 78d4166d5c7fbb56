from solution import max_meetings


def test_none():
    assert max_meetings([]) == 0


def test_back_to_back():
    assert max_meetings([(1, 2), (2, 3), (3, 4)]) == 3


def test_long_first():
    assert max_meetings([(0, 10), (1, 2), (3, 4), (5, 6)]) == 3


def test_overlapping():
    assert max_meetings([(1, 4), (2, 3), (3, 5)]) == 2
