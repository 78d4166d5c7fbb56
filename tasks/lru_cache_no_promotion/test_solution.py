from solution import LRUCache


def test_unknown_key():
    cache = LRUCache(3)
    assert cache.get("nope") == -1


def test_basic_put_get():
    cache = LRUCache(2)
    cache.put("x", 1)
    assert cache.get("x") == 1


def test_fifo_when_unread():
    cache = LRUCache(2)
    cache.put(1, 1)
    cache.put(2, 2)
    cache.put(3, 3)
    assert cache.get(1) == -1
    assert cache.get(3) == 3


def test_get_marks_recent():
    cache = LRUCache(2)
    cache.put(1, 1)
    cache.put(2, 2)
    assert cache.get(1) == 1
    cache.put(3, 3)
    assert cache.get(1) == 1


def test_unread_key_evicted():
    cache = LRUCache(2)
    cache.put(1, 1)
    cache.put(2, 2)
    assert cache.get(1) == 1
    cache.put(3, 3)
    assert cache.get(2) == -1


def test_update_marks_recent():
    cache = LRUCache(2)
    cache.put(1, 1)
    cache.put(2, 2)
    cache.put(1, 100)
    cache.put(3, 3)
    assert cache.get(1) == 100
    assert cache.get(2) == -1


def test_repeated_reads():
    cache = LRUCache(3)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)
    assert cache.get("a") == 1
    assert cache.get("b") == 2
    cache.put("d", 4)
    assert cache.get("a") == 1
