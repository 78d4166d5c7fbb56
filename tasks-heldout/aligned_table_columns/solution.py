def format_table(rows):
    """Pads each column to its widest cell; digits right-aligned."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for row in rows:
        cells = []
        for cell, width in zip(row, widths):
            cells.append(cell.ljust(width) if cell.isdigit() else cell.ljust(width))
        out.append(" | ".join(cells))
    return out
