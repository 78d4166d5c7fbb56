from solution import merge_intervals


def test_empty_input():
    assert merge_intervals([]) == []


def test_already_sorted_overlap():
    assert merge_intervals([[1, 4], [2, 5], [7, 9]]) == [[1, 5], [7, 9]]


def test_reversed_disjoint():
    assert merge_intervals([[8, 10], [1, 3]]) == [[1, 3], [8, 10]]


def test_unsorted_overlap():
    assert merge_intervals([[2, 6], [1, 3]]) == [[1, 6]]


def test_shuffled_chain():
    assert merge_intervals([[5, 8], [1, 2], [2, 5]]) == [[1, 8]]


def test_one_interval():
    assert merge_intervals([[3, 3]]) == [[3, 3]]


def test_nested_out_of_order():
    assert merge_intervals([[4, 5], [0, 10]]) == [[0, 10]]
