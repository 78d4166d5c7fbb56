from solution import chunked


def test_even():
    assert list(chunked([1, 2, 3, 4], 2)) == [[1, 2], [3, 4]]


def test_uneven():
    assert list(chunked([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]


def test_empty():
    assert list(chunked([], 3)) == []


def test_smaller_than_size():
    assert list(chunked("ab", 5)) == [["a", "b"]]
