from solution import has_route


def test_direct_edge():
    assert has_route({"a": ["b"]}, "a", "b") is True


def test_same_node():
    assert has_route({}, "x", "x") is True


def test_no_route():
    assert has_route({"a": ["b"], "b": []}, "b", "a") is False


def test_cycle_without_goal():
    graph = {"a": ["b"], "b": ["c"], "c": ["a"]}
    assert has_route(graph, "a", "z") is False


def test_cycle_with_goal():
    graph = {"a": ["b"], "b": ["a", "c"], "c": []}
    assert has_route(graph, "a", "c") is True
