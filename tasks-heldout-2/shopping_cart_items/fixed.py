class Cart:
    def __init__(self, items=None):
        self.items = list(items) if items else []

    def add(self, name, price, qty=1):
        self.items.append((name, price, qty))

    def total(self):
        return sum(price * qty for _, price, qty in self.items)

    def count(self):
        return sum(qty for _, _, qty in self.items)
