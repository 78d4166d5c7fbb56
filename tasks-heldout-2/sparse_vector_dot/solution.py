class SparseVector:
    def __init__(self, values):
        self.entries = {i: v for i, v in enumerate(values) if v != 0}

    def nonzero(self):
        return len(self.entries)

    def dot(self, other):
        small, large = self.entries, other.entries
        if len(small) > len(large):
            small, large = large, small
        return sum(v * small[i] for i, v in small.items() if i in large)
