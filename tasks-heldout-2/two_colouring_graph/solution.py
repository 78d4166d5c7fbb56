from collections import deque


def is_bipartite(graph):
    colour = {}
    for start in graph:
        if start in colour:
            continue
        colour[start] = 0
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for nbr in graph[node]:
                if nbr not in colour:
                    colour[nbr] = 1 - colour[node]
                    queue.append(nbr)
                elif colour[nbr] == colour[node]:
                    return False
        return True
