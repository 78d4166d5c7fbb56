from solution import MinStack


def test_push_and_minimum():
    s = MinStack()
    s.push(3)
    s.push(1)
    s.push(2)
    assert s.minimum() == 1


def test_pop_returns_top():
    s = MinStack()
    s.push(4)
    s.push(9)
    assert s.pop() == 9


def test_minimum_after_pop():
    s = MinStack()
    s.push(5)
    s.push(2)
    s.pop()
    assert s.minimum() == 5


def test_minimum_after_many():
    s = MinStack()
    for v in [7, 3, 8, 1]:
        s.push(v)
    s.pop()
    s.pop()
    assert s.minimum() == 3
