from solution import step


def test_lonely_cell_dies():
    assert step([[0, 0, 0], [0, 1, 0], [0, 0, 0]]) == [[0, 0, 0], [0, 0, 0], [0, 0, 0]]


def test_block_is_stable():
    block = [[1, 1], [1, 1]]
    assert step(block) == block


def test_blinker():
    assert step([[0, 1, 0], [0, 1, 0], [0, 1, 0]]) == [[0, 0, 0], [1, 1, 1], [0, 0, 0]]


def test_birth():
    assert step([[1, 1], [1, 0]]) == [[1, 1], [1, 1]]


def test_input_unchanged():
    grid = [[0, 1, 0], [0, 1, 0], [0, 1, 0]]
    step(grid)
    assert grid == [[0, 1, 0], [0, 1, 0], [0, 1, 0]]
