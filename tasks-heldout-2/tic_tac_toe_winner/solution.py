def winner(board):
    lines = []
    lines.extend(board)
    lines.extend("".join(row[c] for row in board) for c in range(3))
    lines.append("".join(board[i][i] for i in range(3)))
    lines.append("".join(board[i][1 - i] for i in range(3)))
    for line in lines:
        if line in ("XXX", "OOO"):
            return line[0]
    return None
