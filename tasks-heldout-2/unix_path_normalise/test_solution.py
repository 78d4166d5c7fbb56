from solution import simplify


def test_trailing_slash():
    assert simplify("/home/") == "/home"


def test_dot_and_dotdot():
    assert simplify("/a/./b/../../c/") == "/c"


def test_double_slash():
    assert simplify("/home//foo/") == "/home/foo"


def test_up_from_root():
    assert simplify("/../") == "/"


def test_up_past_root_then_down():
    assert simplify("/../x/y/..") == "/x"


def test_root():
    assert simplify("/") == "/"
