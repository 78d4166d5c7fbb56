from solution import caesar


def test_simple():
    assert caesar("abc", 1) == "bcd"


def test_wrap():
    assert caesar("xyz", 3) == "abc"


def test_case_and_punctuation():
    assert caesar("Hello, World!", 5) == "Mjqqt, Btwqi!"


def test_negative():
    assert caesar("bcd", -1) == "abc"
