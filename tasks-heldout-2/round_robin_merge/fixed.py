def roundrobin(*iterables):
    iterators = [iter(it) for it in iterables]
    while iterators:
        alive = []
        for it in iterators:
            try:
                item = next(it)
            except StopIteration:
                continue
            alive.append(it)
            yield item
        iterators = alive
