def pair_with_sum(nums, target):
    seen = {}
    for j, x in enumerate(nums):
        if x not in seen:
            seen[x] = j
        if target - x in seen:
            return (seen[target - x], j)
    return None
