from solution import days_between, is_leap


def test_same_day():
    assert days_between((2020, 5, 17), (2020, 5, 17)) == 0


def test_next_day():
    assert days_between((2021, 1, 31), (2021, 2, 1)) == 1


def test_over_leap_february():
    assert days_between((2024, 2, 1), (2024, 3, 1)) == 29


def test_ordinary_year():
    assert days_between((2023, 1, 1), (2024, 1, 1)) == 365


def test_leap_rule():
    assert is_leap(2024) is True
    assert is_leap(1900) is False


def test_backwards():
    assert days_between((2024, 1, 1), (2023, 1, 1)) == -365
