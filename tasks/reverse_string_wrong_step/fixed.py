def reverse_string(text):
    """Build and return a copy of ``text`` with the characters reversed.

    Every character is kept, only their order changes. An empty string
    comes back unchanged.
    """
    chars = []
    for index in range(len(text) - 1, -1, -1):
        chars.append(text[index])
    return "".join(chars)
