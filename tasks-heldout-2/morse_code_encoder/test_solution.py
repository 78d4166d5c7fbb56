from solution import to_morse


def test_sos():
    assert to_morse("SOS") == "... --- ..."


def test_lower_case():
    assert to_morse("sos") == "... --- ..."


def test_two_words():
    assert to_morse("hi there") == ".... .. / - .... . .-. ."


def test_digits():
    assert to_morse("42") == "....- ..---"


def test_empty():
    assert to_morse("") == ""
