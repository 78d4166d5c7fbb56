def pair_with_sum(nums, target):
    seen = {}
    for j, x in enumerate(nums):
        if target - x in seen:
            return (seen[target - x], j)
        if x not in seen:
            seen[x] = j
    return None
