from solution import rle_encode


def test_empty():
    assert rle_encode("") == ""


def test_single():
    assert rle_encode("a") == "1a"


def test_runs():
    assert rle_encode("aaabcc") == "3a1b2c"


def test_no_repeats():
    assert rle_encode("abc") == "1a1b1c"
