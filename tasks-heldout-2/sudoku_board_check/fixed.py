def is_valid(board):
    seen = set()
    for r in range(9):
        for c in range(9):
            v = board[r][c]
            if v == 0:
                continue
            box = (r // 3) * 3 + c // 3
            keys = [("row", r, v), ("col", c, v), ("box", box, v)]
            if any(k in seen for k in keys):
                return False
            seen.update(keys)
    return True
