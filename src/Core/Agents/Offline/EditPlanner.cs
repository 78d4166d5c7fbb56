namespace TraceFix.Core.Agents.Offline;

/// <summary>A REPLACE_LINES call in the coordinates of the file as it is now.</summary>
public sealed record PlannedEdit(int Start, int End, IReadOnlyList<string> Block, bool RevertsPrevious);

/// <summary>
/// Turns a candidate into the REPLACE_LINES call that produces exactly its lines despite the environment's
/// auto-indent, and, when the previous candidate failed, folds its revert into the same call so a failed try costs
/// two steps instead of three.
/// </summary>
public static class EditPlanner
{
    /// <summary>Widest span (in lines) a folded revert may cover; beyond it an UNDO_EDIT is cheaper to read and safer.</summary>
    public const int MaxFoldedSpan = 12;

    /// <param name="baseLines">The file the candidates were made for (the last kept version).</param>
    /// <param name="failed">The candidate currently applied on top of <paramref name="baseLines"/>, which did not help; null if the file is the base.</param>
    public static PlannedEdit? Plan(IReadOnlyList<string> baseLines, RepairCandidate next, RepairCandidate? failed)
    {
        if (failed is null)
        {
            return Normalise(baseLines, baseLines, next.StartLine, next.EndLine, next.StartLine, next.NewLines.ToList(), false);
        }
        var lo = Math.Min(failed.StartLine, next.StartLine);
        var hi = Math.Max(failed.EndLine, next.EndLine);
        if (hi - lo + 1 > MaxFoldedSpan)
        {
            return null;
        }
        var segment = new List<string>();
        segment.AddRange(baseLines.Skip(lo - 1).Take(next.StartLine - lo));
        segment.AddRange(next.NewLines);
        segment.AddRange(baseLines.Skip(next.EndLine).Take(hi - next.EndLine));
        var current = Apply(baseLines, failed);
        return Normalise(baseLines, current, lo, hi + failed.LineDelta, lo, segment, true);
    }

    public static IReadOnlyList<string> Apply(IReadOnlyList<string> lines, RepairCandidate candidate) =>
        [.. lines.Take(candidate.StartLine - 1), .. candidate.NewLines, .. lines.Skip(candidate.EndLine)];

    /// <summary>
    /// The environment indents every new line relative to the replaced first line, and cannot place a line left of
    /// it. Starting the span at a line no deeper than any new line (prepending unchanged lines) makes the result exact.
    /// </summary>
    private static PlannedEdit? Normalise(IReadOnlyList<string> baseLines, IReadOnlyList<string> current, int start, int end,
        int baseStart, List<string> block, bool reverts)
    {
        if (end < start || start < 1 || end > current.Count)
        {
            return null;
        }
        while (true)
        {
            var first = block.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l));
            if (first is null)
            {
                return null;
            }
            var reference = PyLine.Indent(first);
            var target = PyLine.Indent(current[start - 1]);
            var deepEnough = block.Where(l => !string.IsNullOrWhiteSpace(l)).All(l => PyLine.Indent(l).StartsWith(reference, StringComparison.Ordinal));
            if (reference == target && deepEnough && !string.IsNullOrWhiteSpace(block[0]))
            {
                return new PlannedEdit(start, end, block, reverts);
            }
            if (start == 1 || baseStart == 1)
            {
                return null;
            }
            start--;
            baseStart--;
            block.Insert(0, baseLines[baseStart - 1]);
        }
    }
}
