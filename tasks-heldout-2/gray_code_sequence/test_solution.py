from solution import gray_code


def test_zero_bits():
    assert gray_code(0) == [0]


def test_one_bit():
    assert gray_code(1) == [0, 1]


def test_two_bits():
    assert gray_code(2) == [0, 1, 3, 2]


def test_three_bits():
    assert gray_code(3) == [0, 1, 3, 2, 6, 7, 5, 4]


def test_neighbours_differ_in_one_bit():
    codes = gray_code(4)
    for a, b in zip(codes, codes[1:]):
        assert bin(a ^ b).count("1") == 1
