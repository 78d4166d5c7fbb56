from solution import edit_distance


def test_equal():
    assert edit_distance("abc", "abc") == 0


def test_from_empty():
    assert edit_distance("", "abc") == 3


def test_kitten():
    assert edit_distance("kitten", "sitting") == 3


def test_insertion():
    assert edit_distance("ac", "abc") == 1


def test_deletion():
    assert edit_distance("abc", "ac") == 1
