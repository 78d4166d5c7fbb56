def fibonacci(limit):
    """Yields Fibonacci numbers below ``limit``."""
    a, b = 0, 1
    while a < limit:
        yield a
        a, b = b, a + b
