namespace TraceFix.Core.Episodes;

/// <summary>The outcome of a REPLACE_LINES request: the new lines and the anchor, or why nothing changed and what it costs.</summary>
internal sealed record LineEdit(
    IReadOnlyList<string>? Lines,
    int Start,
    int End,
    int InsertedCount,
    int Anchor,
    string? Error,
    double Penalty)
{
    public bool Succeeded => Error is null;

    public static LineEdit Failed(string error, double penalty, int start = 0, int end = 0) =>
        new(null, start, end, 0, 0, error, penalty);
}
