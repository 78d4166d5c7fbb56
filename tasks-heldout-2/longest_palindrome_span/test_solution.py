from solution import longest_palindrome


def test_odd():
    assert longest_palindrome("babad") == "bab"


def test_even():
    assert longest_palindrome("cbbd") == "bb"


def test_single():
    assert longest_palindrome("a") == "a"


def test_empty():
    assert longest_palindrome("") == ""


def test_whole():
    assert longest_palindrome("racecar") == "racecar"


def test_inside():
    assert longest_palindrome("xyzabacabaq") == "abacaba"
