from solution import shortest_distances


def test_start_only():
    assert shortest_distances({}, "a") == {"a": 0}


def test_line():
    g = {"a": [("b", 2)], "b": [("c", 3)]}
    assert shortest_distances(g, "a") == {"a": 0, "b": 2, "c": 5}


def test_shorter_detour():
    g = {"a": [("b", 10), ("c", 1)], "c": [("b", 2)]}
    assert shortest_distances(g, "a") == {"a": 0, "b": 3, "c": 1}


def test_unreachable_left_out():
    g = {"a": [("b", 1)], "x": [("a", 1)]}
    assert shortest_distances(g, "a") == {"a": 0, "b": 1}


def test_larger():
    g = {
        "s": [("a", 7), ("b", 2)],
        "b": [("a", 3), ("c", 8)],
        "a": [("c", 1)],
        "c": [("d", 1)],
    }
    assert shortest_distances(g, "s") == {"s": 0, "a": 5, "b": 2, "c": 6, "d": 7}
