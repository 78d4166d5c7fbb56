from solution import is_valid


def test_empty_string():
    assert is_valid("") == True


def test_round_pair():
    assert is_valid("()") == True


def test_square_pair():
    assert is_valid("[]") == True


def test_all_kinds_nested():
    assert is_valid("{[()]}") == True


def test_crossed_types():
    assert is_valid("(]") == False


def test_wrong_order():
    assert is_valid("([)]") == False


def test_text_is_ignored():
    assert is_valid("f(x) = {a[0]}") == True


def test_unmatched_close():
    assert is_valid(")") == False
