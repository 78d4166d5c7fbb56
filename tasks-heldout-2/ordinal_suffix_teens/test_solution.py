from solution import ordinal


def test_first_three():
    assert [ordinal(i) for i in (1, 2, 3)] == ["1st", "2nd", "3rd"]


def test_th():
    assert ordinal(4) == "4th"
    assert ordinal(0) == "0th"


def test_teens():
    assert [ordinal(i) for i in (11, 12, 13)] == ["11th", "12th", "13th"]


def test_twenties():
    assert ordinal(21) == "21st"
    assert ordinal(22) == "22nd"


def test_hundreds():
    assert ordinal(111) == "111th"
    assert ordinal(102) == "102nd"
