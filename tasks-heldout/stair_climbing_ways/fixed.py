def climb_ways(n):
    """Number of 1/2-step ways to climb ``n`` stairs."""
    previous, current = 1, 1
    for _ in range(n - 1):
        previous, current = current, previous + current
    return current
