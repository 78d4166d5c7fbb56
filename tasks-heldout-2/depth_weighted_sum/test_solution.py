from solution import weighted_sum


def test_flat():
    assert weighted_sum([1, 2, 3]) == 6


def test_one_level():
    assert weighted_sum([[1, 1], 2, [1, 1]]) == 10


def test_deep():
    assert weighted_sum([1, [4, [6]]]) == 27


def test_empty():
    assert weighted_sum([]) == 0


def test_empty_inner():
    assert weighted_sum([[], [[]], 5]) == 5
