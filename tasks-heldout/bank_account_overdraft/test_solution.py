from solution import Account


def test_deposit():
    account = Account()
    account.deposit(10)
    assert account.balance == 10


def test_withdraw_part():
    account = Account(50)
    assert account.withdraw(20) is True
    assert account.balance == 30


def test_refuse_too_much():
    account = Account(5)
    assert account.withdraw(6) is False
    assert account.balance == 5


def test_withdraw_everything():
    account = Account(40)
    assert account.withdraw(40) is True
    assert account.balance == 0
