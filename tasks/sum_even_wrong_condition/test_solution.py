from solution import sum_even


def test_empty_list():
    assert sum_even([]) == 0


def test_mixed_values():
    assert sum_even([1, 2, 3, 4]) == 6


def test_only_even():
    assert sum_even([2, 4, 6]) == 12


def test_only_odd():
    assert sum_even([1, 3, 5]) == 0


def test_zero_only():
    assert sum_even([0]) == 0


def test_negative_numbers():
    assert sum_even([-2, -3, 4]) == 2


def test_single_odd():
    assert sum_even([7]) == 0
