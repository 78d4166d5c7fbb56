class Inventory:
    def __init__(self):
        self.stock = {}

    def add(self, item, qty):
        self.stock[item] = self.stock.get(item, 0) + qty

    def remove(self, item, qty):
        have = self.stock.get(item, 0)
        if qty > have:
            raise ValueError(f"only {have} of {item}")
        self.stock[item] = have - qty

    def quantity(self, item):
        return self.stock.get(item, 0)

    def items(self):
        return sorted(self.stock)
