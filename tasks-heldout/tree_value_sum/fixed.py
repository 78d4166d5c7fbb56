def tree_sum(node):
    """Sum of the values of the node and all its descendants."""
    value, children = node
    return value + sum(tree_sum(child) for child in children)
