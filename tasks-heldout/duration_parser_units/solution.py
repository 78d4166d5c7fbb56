UNIT_SECONDS = {"h": 360, "m": 60, "s": 1}


def parse_duration(text):
    """Total seconds of a duration such as '1h30m'."""
    total = 0
    number = ""
    for ch in text:
        if ch.isdigit():
            number += ch
        else:
            total += int(number) * UNIT_SECONDS[ch]
            number = ""
    return total
