from solution import HashTable


def test_put_get():
    t = HashTable()
    t.put("a", 1)
    assert t.get("a") == 1


def test_replace():
    t = HashTable()
    t.put("a", 1)
    t.put("a", 2)
    assert t.get("a") == 2
    assert len(t) == 1


def test_missing_default():
    assert HashTable().get("nope", 0) == 0


def test_survives_growth():
    t = HashTable()
    for i in range(100):
        t.put(i, i * i)
    assert [t.get(i) for i in range(100)] == [i * i for i in range(100)]
    assert len(t) == 100


def test_grows():
    t = HashTable()
    for i in range(17):
        t.put(i, i)
    assert len(t.buckets) == 16
