def rle_decode(code):
    """'3a1b' -> 'aaab'; counts may have several digits."""
    out = []
    digits = ""
    for ch in code:
        if ch.isdigit():
            digits += ch
        else:
            out.append(ch * int(digits[-1]))
            digits = ""
    return "".join(out)
