def rotate(matrix):
    """90 degrees clockwise; works for rectangular matrices."""
    rows, cols = len(matrix), len(matrix[0])
    return [[matrix[r][c] for r in range(rows)] for c in range(cols)]
