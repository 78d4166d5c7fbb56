def group_anagrams(words):
    """Groups anagrams, keeping first-seen order."""
    groups = {}
    for word in words:
        key = "".join(sorted(word))
        groups.setdefault(key, []).append(word)
    return list(groups)
