def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def lcm_all(numbers):
    """Least common multiple of positive integers."""
    result = 1
    for n in numbers:
        result = result * n // gcd(result, n)
    return result
