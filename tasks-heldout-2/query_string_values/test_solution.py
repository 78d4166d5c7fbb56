from solution import parse_query


def test_simple():
    assert parse_query("a=1&b=2") == {"a": ["1"], "b": ["2"]}


def test_repeated_key():
    assert parse_query("tag=x&tag=y") == {"tag": ["x", "y"]}


def test_value_with_equals():
    assert parse_query("expr=a=b") == {"expr": ["a=b"]}


def test_key_without_value():
    assert parse_query("flag&x=1") == {"flag": [""], "x": ["1"]}


def test_plus_is_space():
    assert parse_query("q=hello+world") == {"q": ["hello world"]}


def test_empty_pairs_skipped():
    assert parse_query("&a=1&&") == {"a": ["1"]}
