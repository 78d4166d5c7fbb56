MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 and year % 400 == 0)


def day_number(date):
    """Days from 0001-01-01 to ``date``."""
    year, month, day = date
    days = 0
    for y in range(1, year):
        days += 366 if is_leap(y) else 365
    for m in range(1, month):
        days += MONTH_DAYS[m - 1]
        if m == 2 and is_leap(year):
            days += 1
    return days + day - 1


def days_between(a, b):
    return day_number(b) - day_number(a)
