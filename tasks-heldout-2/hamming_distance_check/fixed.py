def hamming(a, b):
    if len(a) != len(b):
        raise ValueError("strands must be of equal length")
    return sum(1 for x, y in zip(a, b) if x != y)
