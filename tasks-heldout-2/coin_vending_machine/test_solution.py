from solution import VendingMachine


def test_exact_payment():
    m = VendingMachine({"cola": 125})
    m.insert(100)
    m.insert(25)
    assert m.select("cola") == 0


def test_change():
    m = VendingMachine({"chips": 65})
    m.insert(100)
    assert m.select("chips") == 35


def test_balance_reset_after_sale():
    m = VendingMachine({"gum": 10})
    m.insert(25)
    m.select("gum")
    assert m.balance() == 0


def test_insufficient():
    m = VendingMachine({"cola": 125})
    m.insert(100)
    try:
        m.select("cola")
    except ValueError:
        assert m.balance() == 100
        return
    assert False, "expected ValueError"


def test_bad_coin():
    m = VendingMachine({})
    try:
        m.insert(3)
    except ValueError:
        assert m.balance() == 0
        return
    assert False, "expected ValueError"


def test_cancel_refunds():
    m = VendingMachine({"gum": 10})
    m.insert(5)
    m.insert(10)
    assert m.cancel() == 15
    assert m.balance() == 0
