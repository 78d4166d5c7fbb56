class RingBuffer:
    def __init__(self, capacity):
        self.capacity = capacity
        self.slots = [None] * capacity
        self.start = 0
        self.size = 0

    def add(self, x):
        end = (self.start + self.size) % self.capacity
        self.slots[end] = x
        if self.size < self.capacity:
            self.size += 1
        else:
            self.start = (self.start + 1) % self.capacity

    def items(self):
        return [self.slots[(self.start + i) % self.capacity] for i in range(self.size)]
