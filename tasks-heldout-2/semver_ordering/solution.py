def compare_versions(a, b):
    pa = [x for x in a.split(".")]
    pb = [x for x in b.split(".")]
    width = max(len(pa), len(pb))
    pa += [0] * (width - len(pa))
    pb += [0] * (width - len(pb))
    if pa < pb:
        return -1
    if pa > pb:
        return 1
    return 0
