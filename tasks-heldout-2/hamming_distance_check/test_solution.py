from solution import hamming


def test_identical():
    assert hamming("GGACTGA", "GGACTGA") == 0


def test_all_different():
    assert hamming("ACT", "GGA") == 3


def test_some_different():
    assert hamming("GGACGGATTCTG", "AGGACGGATTCT") == 9


def test_empty():
    assert hamming("", "") == 0


def test_first_longer_raises():
    try:
        hamming("AATG", "AAA")
    except ValueError:
        return
    assert False, "expected ValueError"


def test_second_longer_raises():
    try:
        hamming("ATA", "AGTG")
    except ValueError:
        return
    assert False, "expected ValueError"
