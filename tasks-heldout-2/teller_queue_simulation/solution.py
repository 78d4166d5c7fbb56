def simulate(customers):
    if not customers:
        return (0.0, 0)
    clock = 0
    total_wait = 0
    for arrival, service in customers:
        start = min(clock, arrival)
        total_wait += start - arrival
        clock = start + service
    return (total_wait / len(customers), clock)
