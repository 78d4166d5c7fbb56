from solution import is_valid

EMPTY = [[0] * 9 for _ in range(9)]


def board_with(*cells):
    b = [row[:] for row in EMPTY]
    for r, c, v in cells:
        b[r][c] = v
    return b


def test_empty_valid():
    assert is_valid(EMPTY) is True


def test_row_repeat():
    assert is_valid(board_with((0, 0, 5), (0, 8, 5))) is False


def test_column_repeat():
    assert is_valid(board_with((1, 4, 7), (8, 4, 7))) is False


def test_box_repeat():
    assert is_valid(board_with((0, 0, 3), (2, 2, 3))) is False


def test_different_boxes_ok():
    assert is_valid(board_with((0, 3, 4), (3, 0, 4))) is True


def test_full_valid_board():
    rows = [[(r * 3 + r // 3 + c) % 9 + 1 for c in range(9)] for r in range(9)]
    assert is_valid(rows) is True
