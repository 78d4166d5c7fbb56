from solution import trapped_water


def test_classic():
    assert trapped_water([0, 1, 0, 2, 1, 0, 1, 3, 2, 1, 2, 1]) == 6


def test_valley():
    assert trapped_water([4, 2, 0, 3, 2, 5]) == 9


def test_empty():
    assert trapped_water([]) == 0


def test_no_walls():
    assert trapped_water([1, 2, 3]) == 0


def test_right_side_higher_left():
    assert trapped_water([5, 0, 0, 2, 1]) == 4


def test_pit():
    assert trapped_water([3, 0, 3]) == 3
