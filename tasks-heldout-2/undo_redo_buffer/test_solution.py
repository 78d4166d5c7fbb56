from solution import Editor


def test_type():
    e = Editor()
    e.type("ab")
    e.type("c")
    assert e.text() == "abc"


def test_undo():
    e = Editor()
    e.type("ab")
    e.type("c")
    e.undo()
    assert e.text() == "ab"


def test_redo():
    e = Editor()
    e.type("x")
    e.undo()
    e.redo()
    assert e.text() == "x"


def test_undo_on_empty():
    e = Editor()
    e.undo()
    assert e.text() == ""


def test_typing_clears_redo():
    e = Editor()
    e.type("a")
    e.type("b")
    e.undo()
    e.type("c")
    e.redo()
    assert e.text() == "ac"
