class Tally:
    def __init__(self):
        self.counts = {}
        self.clicks = 0

    def click(self, label):
        self.counts[label] = self.counts.get(label, 0) + 1
        self.clicks += 1

    def count(self, label):
        return self.counts.get(label, 0)

    def total(self):
        return self.clicks

    def reset(self):
        self.counts = {}
        self.clicks = 0
