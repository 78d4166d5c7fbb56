namespace TraceFix.Core.Agents.Offline;

/// <summary>A REPLACE_LINES call in the coordinates of the file as it is now.</summary>
public sealed record PlannedEdit(int Start, int End, IReadOnlyList<string> Block)
{
    public int Span => End - Start + 1;
}

/// <summary>
/// Plans the single REPLACE_LINES that turns the current file into a target file: the differing middle, after the
/// common head and tail. It copes with the environment's auto-indent (new lines are indented relative to the first
/// replaced line and cannot sit left of it) by starting the span at a line no deeper than any new line, and never
/// sends an empty block (a deletion keeps one neighbouring line).
/// </summary>
public static class Transition
{
    public static PlannedEdit? Plan(IReadOnlyList<string> current, IReadOnlyList<string> target)
    {
        var head = 0;
        while (head < current.Count && head < target.Count && current[head] == target[head])
        {
            head++;
        }
        if (head == current.Count && head == target.Count)
        {
            return null;
        }
        var tail = 0;
        while (tail < current.Count - head && tail < target.Count - head && current[^(tail + 1)] == target[^(tail + 1)])
        {
            tail++;
        }

        // 0-based [from, currentEnd) in current is replaced by [from, targetEnd) of target.
        var from = head;
        var currentEnd = current.Count - tail;
        var targetEnd = target.Count - tail;
        if (currentEnd == from || targetEnd == from)
        {
            // Pure insertion or deletion: take one unchanged neighbour along so both sides are non-empty.
            if (tail > 0)
            {
                currentEnd++;
                targetEnd++;
            }
            else if (from > 0)
            {
                from--;
            }
            else
            {
                return null;
            }
        }

        var block = target.Skip(from).Take(targetEnd - from).ToList();
        while (!Fits(block, current[from]))
        {
            if (from == 0)
            {
                return null;
            }
            from--;
            block.Insert(0, target[from]);
        }
        return new PlannedEdit(from + 1, currentEnd, block);
    }

    private static string Indent(string line) => line[..(line.Length - line.TrimStart(' ', '\t').Length)];

    private static bool Fits(List<string> block, string firstReplaced)
    {
        if (string.IsNullOrWhiteSpace(block[0]))
        {
            return false;
        }
        var reference = Indent(block[0]);
        return reference == Indent(firstReplaced)
            && block.Where(l => !string.IsNullOrWhiteSpace(l)).All(l => Indent(l).StartsWith(reference, StringComparison.Ordinal));
    }
}
