from solution import count_components


def test_no_edges():
    assert count_components(3, []) == 3


def test_one_chain():
    assert count_components(4, [(0, 1), (1, 2), (2, 3)]) == 1


def test_two_groups():
    assert count_components(5, [(0, 1), (3, 4)]) == 3


def test_merging_groups():
    assert count_components(4, [(0, 1), (2, 3), (1, 3)]) == 1


def test_star_then_link():
    assert count_components(6, [(0, 1), (0, 2), (3, 4), (2, 4), (1, 5)]) == 1


def test_redundant_edge():
    assert count_components(4, [(0, 1), (1, 2), (2, 0)]) == 2
