from solution import sum_even


def test_nothing_to_add():
    assert sum_even([]) == 0


def test_all_odd_values():
    assert sum_even([9, 11, 13]) == 0


def test_single_even_value():
    assert sum_even([8]) == 8


def test_mixed_sequence():
    assert sum_even([5, 10, 15, 20]) == 30


def test_with_negatives():
    assert sum_even([-4, -1, 6]) == 2


def test_repeated_values():
    assert sum_even([2, 2, 2, 3]) == 6


def test_zero_counts_as_even():
    assert sum_even([0, 1]) == 0
