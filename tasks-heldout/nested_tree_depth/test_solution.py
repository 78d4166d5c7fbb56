from solution import depth


def leaf(v):
    return {"value": v, "children": []}


def test_leaf():
    assert depth(leaf(1)) == 1


def test_two_levels():
    assert depth({"value": 1, "children": [leaf(2), leaf(3)]}) == 2


def test_uneven():
    tree = {"value": 1, "children": [leaf(2), {"value": 3, "children": [leaf(4)]}]}
    assert depth(tree) == 3
