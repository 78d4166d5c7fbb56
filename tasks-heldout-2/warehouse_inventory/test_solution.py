from solution import Inventory


def test_add_and_quantity():
    inv = Inventory()
    inv.add("bolt", 5)
    inv.add("bolt", 3)
    assert inv.quantity("bolt") == 8


def test_remove_some():
    inv = Inventory()
    inv.add("nut", 4)
    inv.remove("nut", 1)
    assert inv.quantity("nut") == 3
    assert inv.items() == ["nut"]


def test_remove_all_drops_item():
    inv = Inventory()
    inv.add("nut", 2)
    inv.add("gear", 1)
    inv.remove("nut", 2)
    assert inv.items() == ["gear"]


def test_remove_too_many():
    inv = Inventory()
    inv.add("cog", 1)
    try:
        inv.remove("cog", 2)
    except ValueError:
        assert inv.quantity("cog") == 1
        return
    assert False, "expected ValueError"


def test_items_sorted():
    inv = Inventory()
    inv.add("b", 1)
    inv.add("a", 1)
    assert inv.items() == ["a", "b"]
