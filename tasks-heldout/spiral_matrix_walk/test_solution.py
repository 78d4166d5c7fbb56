from solution import spiral


def test_empty():
    assert spiral([]) == []


def test_square():
    assert spiral([[1, 2], [4, 3]]) == [1, 2, 3, 4]


def test_three_by_three():
    assert spiral([[1, 2, 3], [8, 9, 4], [7, 6, 5]]) == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_single_row():
    assert spiral([[1, 2, 3]]) == [1, 2, 3]


def test_wide():
    assert spiral([[1, 2, 3, 4], [10, 11, 12, 5], [9, 8, 7, 6]]) == list(range(1, 13))
