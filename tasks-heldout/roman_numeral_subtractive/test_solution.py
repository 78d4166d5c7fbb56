from solution import roman_to_int


def test_single():
    assert roman_to_int("V") == 5


def test_additive():
    assert roman_to_int("VIII") == 8


def test_four():
    assert roman_to_int("IV") == 4


def test_nineteen_ninety():
    assert roman_to_int("MCMXC") == 1990


def test_fourteen():
    assert roman_to_int("XIV") == 14
