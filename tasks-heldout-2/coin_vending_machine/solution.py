COINS = (5, 10, 25, 100)


class VendingMachine:
    def __init__(self, prices):
        self.prices = dict(prices)
        self.credit = 0

    def insert(self, coin):
        if coin not in COINS:
            raise ValueError(f"coin {coin} not accepted")
        self.credit += coin

    def balance(self):
        return self.credit

    def select(self, product):
        if product not in self.prices:
            raise ValueError(f"unknown product {product}")
        price = self.prices[product]
        if self.credit < price:
            raise ValueError("insufficient balance")
        change = price - self.credit
        return change

    def cancel(self):
        refund = self.credit
        self.credit = 0
        return refund
