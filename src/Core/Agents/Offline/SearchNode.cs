namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// A version of the file the search has accepted (the original, or one with more tests passing than its parent),
/// with its own ranked repairs still to try and the number tried without a gain.
/// </summary>
internal sealed class SearchNode(IReadOnlyList<string> lines, FailureEvidence evidence, IReadOnlyList<RepairCandidate> candidates)
{
    private int _next;

    public IReadOnlyList<string> Lines { get; } = lines;

    public FailureEvidence Evidence { get; } = evidence;

    public int Passed => Evidence.SyntaxError ? 0 : Evidence.Passed;

    public int TriesWithoutGain { get; set; }

    /// <summary>The best candidate whose resulting file has not been tried anywhere in the search.</summary>
    public RepairCandidate? Take(ISet<string> tried)
    {
        while (_next < candidates.Count)
        {
            var candidate = candidates[_next++];
            if (tried.Add(candidate.ResultKey(Lines)))
            {
                return candidate;
            }
        }
        return null;
    }

    public RepairCandidate? Peek(ISet<string> tried) =>
        candidates.Skip(_next).FirstOrDefault(c => !tried.Contains(c.ResultKey(Lines)));
}
