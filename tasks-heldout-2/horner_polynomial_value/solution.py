def evaluate(coeffs, x):
    result = 1
    for c in coeffs:
        result = result * x + c
    return result
