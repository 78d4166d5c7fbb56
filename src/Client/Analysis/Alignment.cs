namespace TraceFix.Client.Analysis;

/// <summary>The rows of a comparison and the index of the first row where the runs part ways (-1 when they never do).</summary>
public sealed record Alignment(IReadOnlyList<AlignedRow> Rows, int FirstDivergence)
{
    public bool Identical => FirstDivergence < 0;
}
