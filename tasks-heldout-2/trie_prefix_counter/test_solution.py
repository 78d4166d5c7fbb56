from solution import PrefixCounter


def test_single_word():
    p = PrefixCounter()
    p.add("apple")
    assert p.count("app") == 1


def test_shared_prefix():
    p = PrefixCounter()
    for w in ("car", "cart", "care", "dog"):
        p.add(w)
    assert p.count("car") == 3


def test_missing_prefix():
    p = PrefixCounter()
    p.add("abc")
    assert p.count("abd") == 0


def test_empty_prefix_counts_all():
    p = PrefixCounter()
    p.add("a")
    p.add("b")
    assert p.count("") == 2


def test_duplicates_count_twice():
    p = PrefixCounter()
    p.add("to")
    p.add("to")
    assert p.count("t") == 2
