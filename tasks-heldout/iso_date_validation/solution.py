DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]


def valid_date(text):
    """Whether ``text`` is a real date in YYYY-MM-DD form."""
    parts = text.split("-")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return False
    if [len(p) for p in parts] != [4, 2, 2]:
        return False
    year, month, day = (int(p) for p in parts)
    if month < 1 or month > 11:
        return False
    limit = DAYS[month]
    if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
        limit = 29
    return 1 <= day <= limit
