from solution import binary_search


def test_empty_list():
    assert binary_search([], 4) == -1


def test_single_element_found():
    assert binary_search([5], 5) == 0


def test_single_element_missing():
    assert binary_search([5], 2) == -1


def test_first_position():
    assert binary_search([1, 3, 5, 7, 9], 1) == 0


def test_last_position():
    assert binary_search([1, 3, 5, 7, 9], 9) == 4


def test_middle_position():
    assert binary_search([1, 3, 5, 7, 9], 5) == 2


def test_absent_value():
    assert binary_search([1, 3, 5, 7, 9], 4) == -1


def test_even_length_last():
    assert binary_search([2, 4, 6, 8], 8) == 3
