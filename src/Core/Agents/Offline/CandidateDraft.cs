namespace TraceFix.Core.Agents.Offline;

/// <summary>An unscored edit proposed by one of the mutation families, with its prior plausibility.</summary>
internal sealed record CandidateDraft(string Kind, int Start, int End, IReadOnlyList<string> Lines, double Prior, string Rationale)
{
    public static CandidateDraft Line(string kind, int line, string text, double prior, string rationale) =>
        new(kind, line, line, [text], prior, rationale);
}
