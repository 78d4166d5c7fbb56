def leaf_paths(tree, node="root", prefix=None):
    """All root-to-leaf paths, depth first."""
    if prefix is None:
        prefix = []
    path = prefix + [node]
    if not tree.get(node):
        return [path]
    paths = []
    for child in tree[node]:
        paths.extend(leaf_paths(tree, child, path))
    return paths
