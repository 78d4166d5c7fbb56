def fibonacci(limit):
    """Yields Fibonacci numbers below ``limit``."""
    a, b = 0, 1
    while a < limit:
        a, b = b, a + b
        yield a
