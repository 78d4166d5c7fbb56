def cube_root(x, tolerance=1e-9):
    """Newton iteration for the real cube root of x >= 0."""
    guess = max(x, 1.0)
    while True:
        better = guess - (guess ** 3 - x) / (3 * guess ** 2)
        if abs(better - guess) < tolerance:
            return better
        guess = better
