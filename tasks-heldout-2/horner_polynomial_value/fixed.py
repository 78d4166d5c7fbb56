def evaluate(coeffs, x):
    result = 0
    for c in coeffs:
        result = result * x + c
    return result
