from solution import flatten


def test_nothing_to_flatten():
    assert flatten([]) == []


def test_plain_values():
    assert flatten([4, 5, 6]) == [4, 5, 6]


def test_nested_pair():
    assert flatten([[1, 2], [3]]) == [1, 2, 3]


def test_three_levels():
    assert flatten([0, [1, [2, [3]]]]) == [0, 1, 2, 3]


def test_only_empty_lists():
    assert flatten([[], [[], []]]) == []


def test_mixed_depths():
    assert flatten([1, [2], [[3, 4]], 5]) == [1, 2, 3, 4, 5]
