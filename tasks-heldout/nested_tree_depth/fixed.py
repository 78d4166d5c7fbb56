def depth(node):
    """Nodes on the longest root-to-leaf path."""
    if not node["children"]:
        return 1
    return 1 + max(depth(child) for child in node["children"])
