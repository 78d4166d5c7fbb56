def parse_query(qs):
    result = {}
    for pair in qs.split("&"):
        if not pair:
            continue
        if "=" in pair:
            key, value = pair.split("=", 1)
        else:
            key, value = pair, ""
        key = key.replace("+", " ")
        value = value.replace("+", " ")
        result.setdefault(key, []).append(value)
    return result
