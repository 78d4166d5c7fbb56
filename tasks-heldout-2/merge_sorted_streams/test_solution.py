from solution import merge_sorted


def test_three_lists():
    assert merge_sorted([[1, 4, 7], [2, 5, 8], [3, 6, 9]]) == [1, 2, 3, 4, 5, 6, 7, 8, 9]


def test_with_empty():
    assert merge_sorted([[], [1, 3], []]) == [1, 3]


def test_none():
    assert merge_sorted([]) == []


def test_uneven():
    assert merge_sorted([[5], [1, 2, 3, 10]]) == [1, 2, 3, 5, 10]


def test_duplicates():
    assert merge_sorted([[1, 1], [1]]) == [1, 1, 1]
