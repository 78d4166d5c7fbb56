from solution import tokenize


def test_numbers_and_names():
    assert tokenize("x1 42") == [("name", "x1"), ("num", "42")]


def test_single_ops():
    assert tokenize("a+(b*2)") == [
        ("name", "a"), ("op", "+"), ("op", "("), ("name", "b"), ("op", "*"), ("num", "2"), ("op", ")"),
    ]


def test_two_char_ops():
    assert tokenize("a<=b") == [("name", "a"), ("op", "<="), ("name", "b")]


def test_equality_vs_assignment():
    assert tokenize("x == y = z") == [
        ("name", "x"), ("op", "=="), ("name", "y"), ("op", "="), ("name", "z"),
    ]


def test_not_equal():
    assert tokenize("n!=0") == [("name", "n"), ("op", "!="), ("num", "0")]


def test_bad_character():
    try:
        tokenize("a $ b")
    except ValueError:
        return
    assert False, "expected ValueError"
