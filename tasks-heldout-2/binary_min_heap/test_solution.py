from solution import MinHeap


def drain(h):
    out = []
    while len(h):
        out.append(h.pop())
    return out


def test_push_pop_order():
    h = MinHeap()
    for x in [5, 3, 8, 1, 9, 2]:
        h.push(x)
    assert drain(h) == [1, 2, 3, 5, 8, 9]


def test_peek():
    h = MinHeap()
    h.push(4)
    h.push(2)
    assert h.peek() == 2
    assert len(h) == 2


def test_pop_empty():
    try:
        MinHeap().pop()
    except IndexError:
        return
    assert False, "expected IndexError"


def test_many_items():
    h = MinHeap()
    values = [(i * 37) % 101 for i in range(60)]
    for v in values:
        h.push(v)
    assert drain(h) == sorted(values)


def test_duplicates():
    h = MinHeap()
    for x in [2, 2, 1, 1]:
        h.push(x)
    assert drain(h) == [1, 1, 2, 2]
