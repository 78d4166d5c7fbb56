def running_mean(values):
    """Yields the mean of the values seen so far, after each value."""
    total = 0
    for count, value in enumerate(values, start=1):
        total += value
        yield total / count
