def sum_even(numbers):
    """Add up the even integers in ``numbers`` and return the total.

    Odd integers (including negative odd ones) contribute nothing, and an
    empty sequence gives 0.
    """
    total = 0
    for value in numbers:
        if value % 2 == 0:
            total += value
    return total
