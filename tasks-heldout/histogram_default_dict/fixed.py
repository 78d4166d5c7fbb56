def histogram(values, counts=None):
    """Counts occurrences of each value, optionally adding to ``counts``."""
    if counts is None:
        counts = {}
    for v in values:
        counts[v] = counts.get(v, 0) + 1
    return counts
