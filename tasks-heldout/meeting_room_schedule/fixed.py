def max_meetings(meetings):
    """Greedy by earliest end time."""
    count = 0
    free_at = float("-inf")
    for start, end in sorted(meetings, key=lambda m: m[1]):
        if start >= free_at:
            count += 1
            free_at = end
    return count
