from solution import count_queens


def test_one():
    assert count_queens(1) == 1


def test_two_and_three():
    assert count_queens(2) == 0
    assert count_queens(3) == 0


def test_four():
    assert count_queens(4) == 2


def test_six():
    assert count_queens(6) == 4


def test_eight():
    assert count_queens(8) == 92
