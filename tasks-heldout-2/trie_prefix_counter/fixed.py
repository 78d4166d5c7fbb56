class PrefixCounter:
    def __init__(self):
        self.root = {"count": 0, "next": {}}

    def add(self, word):
        node = self.root
        node["count"] += 1
        for ch in word:
            node = node["next"].setdefault(ch, {"count": 0, "next": {}})
            node["count"] += 1

    def count(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node["next"]:
                return 0
            node = node["next"][ch]
        return node["count"]
