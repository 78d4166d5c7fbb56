from solution import shortest_path


def test_same_cell():
    assert shortest_path(["..", ".."], (0, 0), (0, 0)) == 0


def test_open_grid():
    assert shortest_path(["...", "...", "..."], (0, 0), (2, 2)) == 4


def test_around_wall():
    grid = ["..#", ".##", "..."]
    assert shortest_path(grid, (0, 0), (2, 2)) == 4


def test_blocked():
    assert shortest_path([".#", "#."], (0, 0), (1, 1)) == -1


def test_wide_grid():
    assert shortest_path(["....", "...."], (0, 0), (1, 3)) == 4


def test_large_open_grid():
    grid = ["." * 12] * 12
    assert shortest_path(grid, (0, 0), (11, 11)) == 22
