from solution import lis_length


def test_empty():
    assert lis_length([]) == 0


def test_increasing():
    assert lis_length([1, 2, 3]) == 3


def test_classic():
    assert lis_length([10, 9, 2, 5, 3, 7, 101, 18]) == 4


def test_repeated_values():
    assert lis_length([2, 2, 2]) == 1


def test_plateau():
    assert lis_length([1, 3, 3, 4]) == 3
