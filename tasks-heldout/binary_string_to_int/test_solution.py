from solution import from_base


def test_binary():
    assert from_base("101", 2) == 5


def test_hex():
    assert from_base("ff", 16) == 255


def test_zero():
    assert from_base("0", 7) == 0


def test_single_digit():
    assert from_base("z", 36) == 35
