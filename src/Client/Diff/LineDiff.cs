namespace TraceFix.Client.Diff;

/// <summary>
/// A line diff from the longest common subsequence. Programs in episodes are tens of lines, so the
/// quadratic table is cheap; the common prefix and suffix are trimmed first to keep it small anyway.
/// </summary>
public static class LineDiff
{
    public static IReadOnlyList<DiffLine> Compute(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        var prefix = 0;
        while (prefix < before.Count && prefix < after.Count && before[prefix] == after[prefix])
        {
            prefix++;
        }
        var suffix = 0;
        while (suffix < before.Count - prefix && suffix < after.Count - prefix
               && before[before.Count - 1 - suffix] == after[after.Count - 1 - suffix])
        {
            suffix++;
        }

        var result = new List<DiffLine>(Math.Max(before.Count, after.Count) + 4);
        for (var i = 0; i < prefix; i++)
        {
            result.Add(new DiffLine(DiffKind.Same, i + 1, i + 1, before[i]));
        }
        AppendMiddle(result, before, after, prefix, before.Count - suffix, after.Count - suffix);
        for (var k = suffix; k > 0; k--)
        {
            int oldIndex = before.Count - k, newIndex = after.Count - k;
            result.Add(new DiffLine(DiffKind.Same, oldIndex + 1, newIndex + 1, before[oldIndex]));
        }
        return result;
    }

    public static bool HasChanges(IReadOnlyList<DiffLine> diff) => diff.Any(d => d.Kind != DiffKind.Same);

    private static void AppendMiddle(List<DiffLine> result, IReadOnlyList<string> a, IReadOnlyList<string> b, int start, int aEnd, int bEnd)
    {
        int n = aEnd - start, m = bEnd - start;
        // lcs[i, j] = length of the LCS of a[start+i..aEnd) and b[start+j..bEnd).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[start + i] == b[start + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[start + x] == b[start + y])
            {
                result.Add(new DiffLine(DiffKind.Same, start + x + 1, start + y + 1, a[start + x]));
                x++;
                y++;
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new DiffLine(DiffKind.Removed, start + x + 1, null, a[start + x]));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Added, null, start + y + 1, b[start + y]));
                y++;
            }
        }
    }
}
