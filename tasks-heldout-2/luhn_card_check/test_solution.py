from solution import luhn_valid


def test_valid_card():
    assert luhn_valid("4539 3195 0343 6467") is True


def test_invalid_card():
    assert luhn_valid("8273 1232 7352 0569") is False


def test_simple_valid():
    assert luhn_valid("059") is True


def test_single_digit_rejected():
    assert luhn_valid("0") is False


def test_non_digit_rejected():
    assert luhn_valid("055a 444 285") is False


def test_zeros():
    assert luhn_valid("0000 0") is True
