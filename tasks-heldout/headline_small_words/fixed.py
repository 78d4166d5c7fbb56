SMALL = {"a", "an", "the", "of", "and", "in"}


def headline(text):
    """Title-cases ``text``, keeping small words lowercase except at the start."""
    words = text.lower().split()
    out = []
    for i, word in enumerate(words):
        if i > 0 and word in SMALL:
            out.append(word)
        else:
            out.append(word.capitalize())
    return " ".join(out)
