def has_route(graph, start, goal, visited=None):
    """Depth-first search for a directed path from start to goal."""
    if visited is None:
        visited = set()
    if start == goal:
        return True
    if start in visited:
        return False
    visited.add(start)
    return any(has_route(graph, nxt, goal, visited) for nxt in graph.get(start, []))
