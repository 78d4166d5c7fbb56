from solution import Cart


def test_add_and_total():
    c = Cart()
    c.add("pen", 2, 3)
    c.add("pad", 5)
    assert c.total() == 11


def test_count():
    c = Cart()
    c.add("pen", 2, 3)
    assert c.count() == 3


def test_new_cart_is_empty():
    Cart().add("gum", 1)
    assert Cart().total() == 0


def test_carts_independent():
    a = Cart()
    b = Cart()
    a.add("x", 10)
    assert b.count() == 0


def test_initial_items():
    start = [("tea", 4, 2)]
    c = Cart(start)
    c.add("cup", 3)
    assert c.total() == 11
    assert start == [("tea", 4, 2)]
