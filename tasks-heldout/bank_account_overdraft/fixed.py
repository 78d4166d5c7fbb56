class Account:
    def __init__(self, balance=0):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount

    def withdraw(self, amount):
        """Takes ``amount`` if the balance covers it."""
        if amount > self.balance:
            return False
        self.balance -= amount
        return True
