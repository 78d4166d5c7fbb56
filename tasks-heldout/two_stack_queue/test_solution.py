from solution import Queue


def test_fifo():
    q = Queue()
    q.enqueue(1)
    q.enqueue(2)
    assert q.dequeue() == 1


def test_interleaved():
    q = Queue()
    q.enqueue(1)
    q.enqueue(2)
    q.dequeue()
    q.enqueue(3)
    assert q.dequeue() == 2
    assert q.dequeue() == 3


def test_length():
    q = Queue()
    q.enqueue("a")
    q.enqueue("b")
    q.dequeue()
    assert len(q) == 1
