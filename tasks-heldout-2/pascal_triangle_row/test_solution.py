from solution import pascal_row


def test_row_zero():
    assert pascal_row(0) == [1]


def test_row_one():
    assert pascal_row(1) == [1, 1]


def test_row_four():
    assert pascal_row(4) == [1, 4, 6, 4, 1]


def test_row_length():
    assert len(pascal_row(9)) == 10


def test_row_sum():
    assert sum(pascal_row(10)) == 1024
