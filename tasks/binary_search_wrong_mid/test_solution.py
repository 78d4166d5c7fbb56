from solution import binary_search


def test_no_items():
    assert binary_search([], 10) == -1


def test_lone_item():
    assert binary_search([42], 42) == 0


def test_leftmost():
    assert binary_search([10, 20, 30, 40, 50], 10) == 0


def test_rightmost():
    assert binary_search([10, 20, 30, 40, 50], 50) == 4


def test_inner_value():
    assert binary_search([10, 20, 30, 40, 50], 40) == 3


def test_value_not_present():
    assert binary_search([10, 20, 30, 40, 50], 35) == -1


def test_negative_values():
    assert binary_search([-9, -4, 0, 3], -4) == 1
