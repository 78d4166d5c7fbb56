from solution import Tally


def test_counts():
    t = Tally()
    t.click("a")
    t.click("a")
    t.click("b")
    assert t.count("a") == 2
    assert t.total() == 3


def test_unknown_label():
    assert Tally().count("x") == 0


def test_reset_clears_labels():
    t = Tally()
    t.click("a")
    t.reset()
    assert t.count("a") == 0


def test_reset_clears_total():
    t = Tally()
    t.click("a")
    t.click("b")
    t.reset()
    t.click("c")
    assert t.total() == 1
