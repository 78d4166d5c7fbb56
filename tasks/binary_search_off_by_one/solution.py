def binary_search(items, target):
    """Locate ``target`` in the ascending list ``items``.

    Returns the index where ``target`` is stored, or -1 when it does not
    occur. The search halves the candidate range on every step.
    """
    low = 0
    high = len(items) - 1
    while low < high:
        mid = (low + high) // 2
        if items[mid] == target:
            return mid
        if items[mid] < target:
            low = mid + 1
        else:
            high = mid - 1
    return -1
