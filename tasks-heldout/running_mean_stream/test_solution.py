from solution import running_mean


def test_constant():
    assert list(running_mean([2, 2, 2])) == [2.0, 2.0, 2.0]


def test_growing():
    assert list(running_mean([1, 3, 5])) == [1.0, 2.0, 3.0]


def test_single():
    assert list(running_mean([7])) == [7.0]
