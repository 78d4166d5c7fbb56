from solution import reverse_string


def test_empty_string():
    assert reverse_string("") == ""


def test_single_character():
    assert reverse_string("z") == "z"


def test_two_characters():
    assert reverse_string("ab") == "ba"


def test_odd_length_word():
    assert reverse_string("abc") == "cba"


def test_sentence_with_spaces():
    assert reverse_string("top spot") == "tops pot"


def test_digits():
    assert reverse_string("12345") == "54321"
