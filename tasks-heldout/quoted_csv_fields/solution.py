def split_csv(line):
    """Splits one CSV line into its fields, honouring double-quoted fields."""
    fields = []
    current = []
    quoted = False
    for ch in line:
        if ch == '"':
            quoted = not quoted
        elif ch == "," and not quoted:
            fields.append("".join(current))
        else:
            current.append(ch)
    fields.append("".join(current))
    return fields
