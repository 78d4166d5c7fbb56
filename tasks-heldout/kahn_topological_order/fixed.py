import heapq


def topo_order(deps):
    """Dependencies first, ties broken alphabetically; None on a cycle."""
    waiting = {task: len(set(before)) for task, before in deps.items()}
    users = {task: [] for task in deps}
    for task, before in deps.items():
        for b in set(before):
            users[b].append(task)
    ready = [task for task, count in waiting.items() if count == 0]
    heapq.heapify(ready)
    order = []
    while ready:
        task = heapq.heappop(ready)
        order.append(task)
        for user in users[task]:
            waiting[user] -= 1
            if waiting[user] == 0:
                heapq.heappush(ready, user)
    return order if len(order) == len(deps) else None
