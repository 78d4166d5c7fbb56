from solution import permutations


def test_empty():
    assert permutations([]) == [[]]


def test_one():
    assert permutations([1]) == [[1]]


def test_three():
    assert permutations([1, 2, 3]) == [[1, 2, 3], [1, 3, 2], [2, 1, 3], [2, 3, 1], [3, 1, 2], [3, 2, 1]]


def test_count():
    assert len(permutations(list("abcd"))) == 24


def test_input_unchanged():
    items = ["x", "y"]
    permutations(items)
    assert items == ["x", "y"]
