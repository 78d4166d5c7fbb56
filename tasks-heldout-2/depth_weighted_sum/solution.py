def weighted_sum(nested, depth=1):
    total = 0
    for item in nested:
        if isinstance(item, list):
            total += weighted_sum(item, depth)
        else:
            total += item * depth
    return total
