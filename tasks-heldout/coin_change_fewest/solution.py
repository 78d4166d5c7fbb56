def fewest_coins(coins, amount):
    """Minimum number of coins summing to ``amount``, or -1."""
    best = [0] + [None] * amount
    for value in range(1, amount):
        options = [best[value - c] for c in coins if c <= value and best[value - c] is not None]
        best[value] = min(options) + 1 if options else None
    return -1 if best[amount] is None else best[amount]
