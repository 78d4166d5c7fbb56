def variance(values):
    """Sample variance (n - 1 in the denominator)."""
    n = len(values)
    mean = sum(values) / n
    return sum((v - mean) ** 2 for v in values) / (n - 1)
