from solution import is_bipartite


def test_square():
    g = {1: [2, 4], 2: [1, 3], 3: [2, 4], 4: [3, 1]}
    assert is_bipartite(g) is True


def test_triangle():
    g = {1: [2, 3], 2: [1, 3], 3: [1, 2]}
    assert is_bipartite(g) is False


def test_empty():
    assert is_bipartite({}) is True


def test_second_component_odd_cycle():
    g = {"a": ["b"], "b": ["a"], "x": ["y", "z"], "y": ["x", "z"], "z": ["x", "y"]}
    assert is_bipartite(g) is False


def test_isolated_nodes():
    assert is_bipartite({1: [], 2: []}) is True


def test_path():
    g = {1: [2], 2: [1, 3], 3: [2]}
    assert is_bipartite(g) is True
