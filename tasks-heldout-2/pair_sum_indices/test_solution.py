from solution import pair_with_sum


def test_basic():
    assert pair_with_sum([2, 7, 11, 15], 9) == (0, 1)


def test_later_pair():
    assert pair_with_sum([3, 2, 4], 6) == (1, 2)


def test_no_self_pair():
    assert pair_with_sum([3, 5], 6) is None


def test_duplicates():
    assert pair_with_sum([3, 3], 6) == (0, 1)


def test_none():
    assert pair_with_sum([1, 2, 3], 100) is None
