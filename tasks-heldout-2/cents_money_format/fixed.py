def format_money(cents):
    sign = "-" if cents < 0 else ""
    cents = abs(cents)
    units, rest = divmod(cents, 100)
    return f"{sign}{units:,}.{rest:02d}"
