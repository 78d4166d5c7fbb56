from solution import topo_order


def test_independent():
    assert topo_order({"b": [], "a": []}) == ["a", "b"]


def test_chain():
    assert topo_order({"c": ["b"], "b": ["a"], "a": []}) == ["a", "b", "c"]


def test_diamond():
    deps = {"d": ["b", "c"], "b": ["a"], "c": ["a"], "a": []}
    assert topo_order(deps) == ["a", "b", "c", "d"]


def test_cycle():
    assert topo_order({"a": ["b"], "b": ["a"]}) is None
