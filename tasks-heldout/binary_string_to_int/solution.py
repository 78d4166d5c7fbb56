ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"


def from_base(digits, base):
    """Integer value of ``digits`` written in ``base``."""
    value = 0
    for ch in digits:
        value = value + base * ALPHABET.index(ch)
    return value
