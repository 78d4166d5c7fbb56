from solution import unique


def test_basic():
    assert unique([3, 1, 3, 2, 1]) == [3, 1, 2]


def test_strings():
    assert unique(["a", "b", "a"]) == ["a", "b"]


def test_calls_are_independent():
    assert unique([1, 2]) == [1, 2]
    assert unique([2, 1]) == [2, 1]


def test_empty():
    assert unique([]) == []


def test_repeated_call_same_input():
    assert unique(["x", "x"]) == ["x"]
    assert unique(["x", "x"]) == ["x"]
