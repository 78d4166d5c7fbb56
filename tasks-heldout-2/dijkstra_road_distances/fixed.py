import heapq


def shortest_distances(graph, start):
    dist = {start: 0}
    heap = [(0, start)]
    done = set()
    while heap:
        d, town = heapq.heappop(heap)
        if town in done:
            continue
        done.add(town)
        for nbr, length in graph.get(town, []):
            nd = d + length
            if nbr not in dist or nd < dist[nbr]:
                dist[nbr] = nd
                heapq.heappush(heap, (nd, nbr))
    return dist
