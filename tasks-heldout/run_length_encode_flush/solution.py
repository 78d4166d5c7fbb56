def rle_encode(text):
    """'aaabcc' -> '3a1b2c'."""
    if not text:
        return ""
    out = []
    current, count = text[0], 1
    for ch in text[1:]:
        if ch == current:
            count += 1
        else:
            out.append("%d%s" % (count, current))
            current, count = ch, 1
    return "".join(out)
