class HashTable:
    def __init__(self):
        self.buckets = [[] for _ in range(8)]
        self.size = 0

    def __len__(self):
        return self.size

    def _bucket(self, key):
        return self.buckets[hash(key) % len(self.buckets)]

    def put(self, key, value):
        bucket = self._bucket(key)
        for pair in bucket:
            if pair[0] == key:
                pair[1] = value
                return
        bucket.append([key, value])
        self.size += 1
        if self.size > 2 * len(self.buckets):
            self._grow()

    def get(self, key, default=None):
        for k, v in self._bucket(key):
            if k == key:
                return v
        return default

    def _grow(self):
        old = self.buckets
        new = [[] for _ in range(2 * len(old))]
        for bucket in old:
            for key, value in bucket:
                new[hash(key) % len(old)].append([key, value])
        self.buckets = new
