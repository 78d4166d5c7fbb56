from solution import split_csv


def test_single_field():
    assert split_csv("abc") == ["abc"]


def test_plain_fields():
    assert split_csv("a,b,c") == ["a", "b", "c"]


def test_quoted_comma():
    assert split_csv('x,"y,z",w') == ["x", "y,z", "w"]


def test_empty_fields():
    assert split_csv("1,,2") == ["1", "", "2"]
