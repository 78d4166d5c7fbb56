class MinHeap:
    def __init__(self):
        self.items = []

    def __len__(self):
        return len(self.items)

    def peek(self):
        if not self.items:
            raise IndexError("empty heap")
        return self.items[0]

    def push(self, x):
        items = self.items
        items.append(x)
        i = len(items) - 1
        while i > 0:
            parent = (i - 1) // 2
            if items[parent] <= items[i]:
                break
            items[parent], items[i] = items[i], items[parent]
            i = parent

    def pop(self):
        items = self.items
        if not items:
            raise IndexError("empty heap")
        top = items[0]
        last = items.pop()
        if items:
            items[0] = last
            i = 0
            while True:
                left, right = 2 * i + 1, 2 * i + 2
                smallest = i
                if left < len(items) and items[left] < items[smallest]:
                    smallest = left
                if right < len(items) and items[right] < items[smallest]:
                    smallest = right
                if smallest == i:
                    break
                items[i], items[smallest] = items[smallest], items[i]
                i = smallest
        return top
