using TraceFix.Client.Model;

namespace TraceFix.Client.Analysis;

/// <summary>A row of a side-by-side comparison; one side is null where the other run took an extra step.</summary>
public sealed record AlignedRow(StepView? Left, StepView? Right)
{
    public bool Matches => Left is not null && Right is not null && Left.ActionKey == Right.ActionKey;
}
