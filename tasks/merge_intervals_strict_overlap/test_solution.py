from solution import merge_intervals


def test_no_intervals():
    assert merge_intervals([]) == []


def test_single_interval():
    assert merge_intervals([[2, 5]]) == [[2, 5]]


def test_simple_overlap():
    assert merge_intervals([[1, 3], [2, 6], [8, 10]]) == [[1, 6], [8, 10]]


def test_touching_endpoints():
    assert merge_intervals([[1, 4], [4, 5]]) == [[1, 5]]


def test_chain_of_touching():
    assert merge_intervals([[0, 1], [1, 2], [2, 3]]) == [[0, 3]]


def test_contained_interval():
    assert merge_intervals([[1, 10], [3, 4]]) == [[1, 10]]


def test_disjoint_stay_apart():
    assert merge_intervals([[1, 2], [3, 4]]) == [[1, 2], [3, 4]]


def test_point_interval_touching():
    assert merge_intervals([[5, 5], [5, 7]]) == [[5, 7]]
