def merge_intervals(intervals):
    """Combine overlapping closed intervals into a minimal sorted list.

    ``intervals`` is a list of [start, end] pairs in any order. Pairs that
    overlap, or that touch because one ends exactly where another starts,
    are fused into one. The result is ordered by start; input is not modified.
    """
    ordered = [list(pair) for pair in intervals]
    ordered.sort(key=lambda pair: pair[0])
    merged = []
    for start, end in ordered:
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
