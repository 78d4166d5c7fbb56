def justify(words, width):
    lines = []
    current = []
    length = 0
    for word in words:
        if current and length + len(current) + len(word) > width:
            lines.append(current)
            current, length = [], 0
        current.append(word)
        length += len(word)
    lines.append(current)

    result = []
    for line in lines[:-1]:
        gaps = len(line) - 1
        spaces = width - sum(len(w) for w in line)
        if gaps == 0:
            result.append(line[0].ljust(width))
            continue
        base, extra = divmod(spaces, gaps)
        text = ""
        for i, word in enumerate(line[:-1]):
            text += word + " " * (base + (1 if i < extra else 0))
        result.append(text + line[-1])
    result.append(" ".join(lines[-1]).ljust(width))
    return result
