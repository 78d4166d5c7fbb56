from solution import leaf_paths


def test_single_node():
    assert leaf_paths({"root": []}) == [["root"]]


def test_two_leaves():
    tree = {"root": ["a", "b"], "a": [], "b": []}
    assert leaf_paths(tree) == [["root", "a"], ["root", "b"]]


def test_deeper():
    tree = {"root": ["a"], "a": ["b", "c"], "b": [], "c": []}
    assert leaf_paths(tree) == [["root", "a", "b"], ["root", "a", "c"]]


def test_called_twice():
    tree = {"root": ["x"], "x": []}
    leaf_paths(tree)
    assert leaf_paths(tree) == [["root", "x"]]
