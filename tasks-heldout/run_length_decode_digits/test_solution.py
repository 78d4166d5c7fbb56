from solution import rle_decode


def test_empty():
    assert rle_decode("") == ""


def test_single_digits():
    assert rle_decode("3a1b") == "aaab"


def test_two_digit_count():
    assert rle_decode("12x") == "x" * 12


def test_mixed():
    assert rle_decode("2a10b1c") == "aa" + "b" * 10 + "c"
