from solution import tree_sum


def test_leaf():
    assert tree_sum((5, [])) == 5


def test_one_level():
    assert tree_sum((1, [(2, []), (3, [])])) == 6


def test_deep():
    assert tree_sum((1, [(2, [(3, [(4, [])])])])) == 10
