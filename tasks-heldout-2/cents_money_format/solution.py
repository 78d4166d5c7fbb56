def format_money(cents):
    sign = ""
    units, rest = divmod(cents, 100)
    return f"{sign}{units:,}.{rest:02d}"
