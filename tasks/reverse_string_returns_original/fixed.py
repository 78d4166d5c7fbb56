def reverse_string(text):
    """Return ``text`` spelled backwards.

    The characters are collected one at a time, each new one placed in
    front of those already gathered, so the result is the reverse of the
    input. An empty input yields an empty string.
    """
    result = ""
    for ch in text:
        result = ch + result
    return result
