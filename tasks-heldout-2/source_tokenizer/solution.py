TWO_CHAR = {"==", "!=", "<=", ">="}
ONE_CHAR = set("+-*/=<>()")


def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch == " ":
            i += 1
        elif ch.isdigit():
            j = i
            while j < len(src) and src[j].isdigit():
                j += 1
            tokens.append(("num", src[i:j]))
            i = j
        elif ch.isalpha() or ch == "_":
            j = i
            while j < len(src) and (src[j].isalnum() or src[j] == "_"):
                j += 1
            tokens.append(("name", src[i:j]))
            i = j
        elif src[i:i + 1] in TWO_CHAR:
            tokens.append(("op", src[i:i + 2]))
            i += 1
        elif ch in ONE_CHAR:
            tokens.append(("op", ch))
            i += 1
        else:
            raise ValueError(f"unexpected {ch!r} at {i}")
    return tokens
