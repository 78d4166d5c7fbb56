def expand(s, lo, hi):
    while lo >= 0 and hi < len(s) and s[lo] == s[hi]:
        lo -= 1
        hi += 1
    return lo + 1, hi - 1


def longest_palindrome(s):
    best = (0, 0)
    for centre in range(len(s)):
        for lo, hi in (expand(s, centre, centre), expand(s, centre, centre + 1)):
            if hi - lo > best[1] - best[0]:
                best = (lo, hi)
    return s[best[0]:best[1]]
