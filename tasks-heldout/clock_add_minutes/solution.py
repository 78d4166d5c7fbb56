def add_minutes(clock, minutes):
    """The 24-hour clock time ``minutes`` after ``clock``."""
    hours, mins = clock.split(":")
    total = (int(hours) * 60 + int(mins) + minutes) % (12 * 60)
    return "%02d:%02d" % (total // 60, total % 60)
