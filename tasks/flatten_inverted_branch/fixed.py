def flatten(nested):
    """Turn a list that may contain lists (at any depth) into one flat list.

    Non-list elements are copied into the result in the order they are met
    during a left-to-right walk. Empty sub-lists contribute nothing.
    """
    flat = []
    for item in nested:
        if isinstance(item, list):
            flat.extend(flatten(item))
        else:
            flat.append(item)
    return flat
