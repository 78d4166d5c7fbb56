from solution import wrap


def test_fits():
    assert wrap("a b c", 10) == ["a b c"]


def test_exact_width():
    assert wrap("abc def", 7) == ["abc def"]


def test_breaks():
    assert wrap("the quick brown fox", 10) == ["the quick", "brown fox"]


def test_long_word():
    assert wrap("tiny enormousword x", 5) == ["tiny", "enormousword", "x"]


def test_empty():
    assert wrap("", 4) == []
