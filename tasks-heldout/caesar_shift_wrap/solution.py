def caesar(text, shift):
    """Shifts letters, keeping case and leaving other characters alone."""
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr(base + (ord(ch) - base + shift) % 25))
        else:
            out.append(ch)
    return "".join(out)
