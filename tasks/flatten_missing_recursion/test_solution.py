from solution import flatten


def test_empty_input():
    assert flatten([]) == []


def test_already_flat():
    assert flatten([1, 2, 3]) == [1, 2, 3]


def test_one_level():
    assert flatten([1, [2, 3], 4]) == [1, 2, 3, 4]


def test_two_levels():
    assert flatten([1, [2, [3, 4]], 5]) == [1, 2, 3, 4, 5]


def test_deep_nesting():
    assert flatten([[[["x"]]]]) == ["x"]


def test_empty_sublists():
    assert flatten([[], [[]], 7]) == [7]


def test_mixed_types():
    assert flatten(["a", [None, [True]]]) == ["a", None, True]
