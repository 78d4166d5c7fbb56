from solution import format_money


def test_thousands():
    assert format_money(123456) == "1,234.56"


def test_small():
    assert format_money(5) == "0.05"


def test_negative():
    assert format_money(-250) == "-2.50"


def test_negative_small():
    assert format_money(-7) == "-0.07"


def test_millions():
    assert format_money(100000000) == "1,000,000.00"


def test_zero():
    assert format_money(0) == "0.00"
