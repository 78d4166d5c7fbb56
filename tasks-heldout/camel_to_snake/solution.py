def to_snake(name):
    """camelCase / PascalCase -> snake_case."""
    out = []
    for i, ch in enumerate(name):
        if ch.isupper():
            if i > 0:
                out.append("_")
            ch = ch.lower()
            out.append(ch)
        out.append(ch)
    return "".join(out)
