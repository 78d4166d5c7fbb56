def lis_length(values):
    """Length of the longest strictly increasing subsequence."""
    lengths = []
    for i, v in enumerate(values):
        best = 1
        for j in range(i):
            if values[j] < v:
                best = max(best, lengths[j] + 1)
        lengths.append(best)
    return max(lengths, default=0)
