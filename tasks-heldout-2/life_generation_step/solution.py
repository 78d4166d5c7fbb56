def live_neighbours(grid, r, c):
    count = 0
    for dr in (-1, 0, 1):
        for dc in (-1, 0, 1):
            rr, cc = r + dr, c + dc
            if 0 <= rr < len(grid) and 0 <= cc < len(grid[0]):
                count += grid[rr][cc]
    return count


def step(grid):
    result = []
    for r, row in enumerate(grid):
        new_row = []
        for c, cell in enumerate(row):
            n = live_neighbours(grid, r, c)
            new_row.append(1 if n == 3 or (cell and n == 2) else 0)
        result.append(new_row)
    return result
