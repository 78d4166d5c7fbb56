from solution import evaluate


def test_number():
    assert evaluate("42") == 42


def test_precedence():
    assert evaluate("2 + 3 * 4") == 14


def test_parentheses():
    assert evaluate("(2 + 3) * 4") == 20


def test_left_associative_minus():
    assert evaluate("10 - 4 - 3") == 3


def test_mixed_minus_plus():
    assert evaluate("8 - 2 + 1") == 7


def test_division():
    assert evaluate("20 / 3 / 2") == 3
