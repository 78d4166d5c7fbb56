using TraceFix.Client.Model;

namespace TraceFix.Client.Analysis;

/// <summary>
/// Aligns two trajectories by the longest common subsequence of their actions, so an extra step on one side
/// shows as a gap instead of shifting every later row out of line.
/// </summary>
public static class StepAligner
{
    public static Alignment Align(IReadOnlyList<StepView> left, IReadOnlyList<StepView> right)
    {
        int n = left.Count, m = right.Count;
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = left[i].ActionKey == right[j].ActionKey
                    ? lcs[i + 1, j + 1] + 1
                    : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        var rows = new List<AlignedRow>(Math.Max(n, m));
        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && left[x].ActionKey == right[y].ActionKey)
            {
                rows.Add(new AlignedRow(left[x++], right[y++]));
            }
            else if (x < n && y < m && lcs[x + 1, y + 1] == lcs[x, y])
            {
                // Both sides did something different here and neither step recurs later: show them on one row.
                rows.Add(new AlignedRow(left[x++], right[y++]));
            }
            else if (x < n && (y == m || lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                rows.Add(new AlignedRow(left[x++], null));
            }
            else
            {
                rows.Add(new AlignedRow(null, right[y++]));
            }
        }

        var divergence = rows.FindIndex(r => !r.Matches);
        return new Alignment(rows, divergence);
    }
}
