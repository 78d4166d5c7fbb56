from solution import LRUCache


def test_missing_key():
    cache = LRUCache(2)
    assert cache.get(99) == -1


def test_store_and_read():
    cache = LRUCache(2)
    cache.put(1, "one")
    cache.put(2, "two")
    assert cache.get(1) == "one"
    assert cache.get(2) == "two"


def test_oldest_is_evicted():
    cache = LRUCache(2)
    cache.put(1, 10)
    cache.put(2, 20)
    cache.put(3, 30)
    assert cache.get(3) == 30
    assert cache.get(1) == -1


def test_new_key_survives_eviction():
    cache = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    cache.put("c", 3)
    assert cache.get("c") == 3


def test_capacity_one():
    cache = LRUCache(1)
    cache.put(1, 1)
    cache.put(2, 2)
    assert cache.get(2) == 2
    assert cache.get(1) == -1


def test_overwrite_without_eviction():
    cache = LRUCache(2)
    cache.put(5, 50)
    cache.put(5, 55)
    assert cache.get(5) == 55


def test_read_protects_key():
    cache = LRUCache(2)
    cache.put(1, 1)
    cache.put(2, 2)
    assert cache.get(1) == 1
    cache.put(3, 3)
    assert cache.get(2) == -1
    assert cache.get(1) == 1
