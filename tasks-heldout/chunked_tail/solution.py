def chunked(items, size):
    """Yields lists of ``size`` consecutive items; the last may be shorter."""
    chunk = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
