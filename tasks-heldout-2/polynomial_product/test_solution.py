from solution import multiply


def test_constants():
    assert multiply([3], [4]) == [12]


def test_linear_square():
    assert multiply([1, 1], [1, 1]) == [1, 2, 1]


def test_difference_of_squares():
    assert multiply([-2, 1], [2, 1]) == [-4, 0, 1]


def test_cubic():
    assert multiply([1, 2, 3], [4, 5]) == [4, 13, 22, 15]


def test_empty_factor():
    assert multiply([], [1, 2]) == []
