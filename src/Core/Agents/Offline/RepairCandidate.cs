namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// A proposed edit of the file: replace lines <see cref="StartLine"/>..<see cref="EndLine"/> (1-based, inclusive) by
/// <see cref="NewLines"/>. <see cref="Operator"/> names the kind of repair; <see cref="Score"/> orders the queue.
/// </summary>
public sealed record RepairCandidate(string Operator, int StartLine, int EndLine, IReadOnlyList<string> NewLines, double Score, string Rationale)
{
    /// <summary>The whole file after this edit, one string, to recognise edits already tried.</summary>
    public string ResultKey(IReadOnlyList<string> lines) =>
        string.Join("\n", lines.Take(StartLine - 1).Concat(NewLines).Concat(lines.Skip(EndLine)));

    public int LineDelta => NewLines.Count - (EndLine - StartLine + 1);
}
