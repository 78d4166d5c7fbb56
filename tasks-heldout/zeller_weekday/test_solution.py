from solution import weekday


def test_millennium():
    assert weekday(2000, 1, 1) == "Saturday"


def test_moon_landing():
    assert weekday(1969, 7, 20) == "Sunday"


def test_leap_day():
    assert weekday(2024, 2, 29) == "Thursday"


def test_christmas():
    assert weekday(2023, 12, 25) == "Monday"
