from solution import histogram


def test_first_call():
    assert histogram(["a", "b", "a"]) == {"a": 2, "b": 1}


def test_second_call_is_fresh():
    histogram([1, 1])
    assert histogram([2]) == {2: 1}


def test_adds_to_given():
    start = {"x": 1}
    assert histogram(["x"], start) == {"x": 2}
