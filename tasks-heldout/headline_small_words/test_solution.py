from solution import headline


def test_plain():
    assert headline("hello world") == "Hello World"


def test_small_inside():
    assert headline("the lord of the rings") == "The Lord of the Rings"


def test_small_first():
    assert headline("a tale in time") == "A Tale in Time"


def test_mixed_case_input():
    assert headline("wAR AND peace") == "War and Peace"
