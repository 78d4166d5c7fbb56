from solution import say


def test_zero():
    assert say(0) == "zero"


def test_teens():
    assert say(14) == "fourteen"
    assert say(10) == "ten"


def test_compound_tens():
    assert say(42) == "forty-two"


def test_hundreds():
    assert say(115) == "one hundred fifteen"
    assert say(300) == "three hundred"


def test_thousands():
    assert say(2019) == "two thousand nineteen"


def test_large():
    assert say(999999) == "nine hundred ninety-nine thousand nine hundred ninety-nine"
