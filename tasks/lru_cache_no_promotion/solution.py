from collections import OrderedDict


class LRUCache:
    """Key/value store holding at most ``capacity`` entries.

    When an insertion would exceed the capacity, the entry that was used
    longest ago is discarded. Reading a key with ``get`` and writing it with
    ``put`` both count as using it. ``get`` returns -1 for unknown keys.
    """

    def __init__(self, capacity):
        self.capacity = capacity
        self.store = OrderedDict()

    def get(self, key):
        if key not in self.store:
            return -1
        return self.store[key]

    def put(self, key, value):
        if key in self.store:
            self.store.move_to_end(key)
        self.store[key] = value
        if len(self.store) > self.capacity:
            self.store.popitem(last=False)
