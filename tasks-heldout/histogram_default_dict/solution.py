def histogram(values, counts={}):
    """Counts occurrences of each value, optionally adding to ``counts``."""
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts
