def minor(m, col):
    return [row[:col] + row[col + 1:] for row in m[1:]]


def determinant(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for col, value in enumerate(m[0]):
        sign = -1 if col % 2 else 1
        total += sign * value * determinant(minor(m, col))
    return total
