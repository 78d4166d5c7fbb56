from solution import rotate


def test_single():
    assert rotate([[1]]) == [[1]]


def test_square():
    assert rotate([[1, 2], [3, 4]]) == [[3, 1], [4, 2]]


def test_rectangle():
    assert rotate([[1, 2, 3], [4, 5, 6]]) == [[4, 1], [5, 2], [6, 3]]
