from solution import winner


def test_row():
    assert winner(["XXX", "OO.", "..."]) == "X"


def test_column():
    assert winner(["OX.", "OX.", "O.X"]) == "O"


def test_diagonal():
    assert winner(["X.O", ".XO", "..X"]) == "X"


def test_anti_diagonal():
    assert winner(["X.O", "XO.", "O.X"]) == "O"


def test_no_winner():
    assert winner(["XOX", "XOO", "OXX"]) is None


def test_empty_board():
    assert winner(["...", "...", "..."]) is None
