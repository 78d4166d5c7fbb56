from solution import RingBuffer


def test_partial():
    r = RingBuffer(3)
    r.add(1)
    r.add(2)
    assert r.items() == [1, 2]


def test_full():
    r = RingBuffer(2)
    r.add(1)
    r.add(2)
    assert r.items() == [1, 2]


def test_overwrite():
    r = RingBuffer(3)
    for v in range(5):
        r.add(v)
    assert r.items() == [2, 3, 4]


def test_many_wraps():
    r = RingBuffer(2)
    for v in range(7):
        r.add(v)
    assert r.items() == [5, 6]
