from solution import reverse_string


def test_blank_input():
    assert reverse_string("") == ""


def test_one_letter():
    assert reverse_string("q") == "q"


def test_palindrome_is_unchanged():
    assert reverse_string("level") == "level"


def test_simple_word():
    assert reverse_string("stressed") == "desserts"


def test_pair_of_letters():
    assert reverse_string("xy") == "yx"


def test_punctuation_and_case():
    assert reverse_string("Hi, Bob!") == "!boB ,iH"


def test_spaces_kept():
    assert reverse_string("a b  c") == "c  b a"
