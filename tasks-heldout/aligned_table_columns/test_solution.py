from solution import format_table


def test_text_only():
    assert format_table([["a", "bb"], ["ccc", "d"]]) == ["a   | bb", "ccc | d "]


def test_numbers_right():
    assert format_table([["x", "5"], ["yy", "100"]]) == ["x  |   5", "yy | 100"]


def test_single_row():
    assert format_table([["id", "7"]]) == ["id | 7"]
