def sum_even(numbers):
    """Return the total of all even values found in ``numbers``.

    Values that are odd are skipped. When nothing even is present (or the
    list is empty) the result is 0.
    """
    total = 0
    for value in numbers:
        if value % 2 != 0:
            continue
    return total
