def depth(node):
    """Nodes on the longest root-to-leaf path."""
    if not node["children"]:
        return 1
    return max(depth(child) for child in node["children"])
