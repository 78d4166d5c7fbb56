from solution import parse_ini


def test_single_section():
    assert parse_ini("[db]\nhost=localhost\nport=5432") == {"db": {"host": "localhost", "port": "5432"}}


def test_spaces_ignored():
    assert parse_ini("[ web ]\n  name = demo app  ") == {"web": {"name": "demo app"}}


def test_comments_and_blanks():
    text = "; comment\n\n[a]\n# another\nx = 1\n"
    assert parse_ini(text) == {"a": {"x": "1"}}


def test_global_keys():
    assert parse_ini("debug = true\n[s]\nk=v") == {"": {"debug": "true"}, "s": {"k": "v"}}


def test_empty_section():
    assert parse_ini("[empty]") == {"empty": {}}
