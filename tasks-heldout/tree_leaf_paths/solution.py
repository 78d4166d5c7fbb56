def leaf_paths(tree, node="root", prefix=[]):
    """All root-to-leaf paths, depth first."""
    prefix.append(node)
    path = list(prefix)
    if not tree.get(node):
        return [path]
    paths = []
    for child in tree[node]:
        paths.extend(leaf_paths(tree, child, path))
    return paths
