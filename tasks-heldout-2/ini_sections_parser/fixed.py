def parse_ini(text):
    sections = {}
    current = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line[0] in ";#":
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1].strip()
            sections.setdefault(current, {})
            continue
        key, _, value = line.partition("=")
        sections.setdefault(current, {})[key.strip()] = value.strip()
    return sections
