from solution import climb_ways


def test_zero():
    assert climb_ways(0) == 1


def test_one():
    assert climb_ways(1) == 1


def test_two():
    assert climb_ways(2) == 2


def test_five():
    assert climb_ways(5) == 8


def test_ten():
    assert climb_ways(10) == 89
