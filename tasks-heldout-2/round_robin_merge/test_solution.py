from solution import roundrobin


def test_example():
    assert "".join(roundrobin("ABC", "D", "EF")) == "ADEBFC"


def test_single():
    assert list(roundrobin([1, 2, 3])) == [1, 2, 3]


def test_none():
    assert list(roundrobin()) == []


def test_empty_iterables():
    assert list(roundrobin([], [])) == []


def test_uneven_lengths():
    assert list(roundrobin([1, 2, 3], [10], [20, 30])) == [1, 10, 20, 2, 30, 3]
