using TraceFix.Client.Analysis;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Client.Tests.Analysis;

public sealed class StepAlignerTests
{
    [Fact]
    public void Align_IdenticalRunsNeverDiverge()
    {
        var run = new[] { Steps.Make(1), Steps.Run(2), Steps.Replace(3, 4, "x = 1") };

        var alignment = StepAligner.Align(run, run);

        Assert.True(alignment.Identical);
        Assert.All(alignment.Rows, r => Assert.True(r.Matches));
    }

    [Fact]
    public void Align_MarksTheFirstDifferentAction()
    {
        var left = new[] { Steps.Make(1), Steps.Run(2), Steps.Replace(3, 4, "a"), Steps.Make(4, ActionType.SUBMIT) };
        var right = new[] { Steps.Make(1), Steps.Run(2), Steps.Replace(3, 5, "b"), Steps.Make(4, ActionType.SUBMIT) };

        var alignment = StepAligner.Align(left, right);

        Assert.Equal(2, alignment.FirstDivergence);
        Assert.Equal(4, alignment.Rows.Count);
        Assert.True(alignment.Rows[3].Matches);
    }

    [Fact]
    public void Align_AnExtraStepBecomesAGapAndLaterStepsStayInLine()
    {
        var left = new[] { Steps.Make(1), Steps.Run(2), Steps.Make(3, ActionType.SUBMIT) };
        var right = new[] { Steps.Make(1), Steps.Make(2, ActionType.UNDO_EDIT), Steps.Run(3), Steps.Make(4, ActionType.SUBMIT) };

        var alignment = StepAligner.Align(left, right);

        Assert.Equal(1, alignment.FirstDivergence);
        Assert.Null(alignment.Rows[1].Left);
        Assert.Equal(ActionType.UNDO_EDIT, alignment.Rows[1].Right!.Action);
        Assert.True(alignment.Rows[2].Matches);
        Assert.True(alignment.Rows[3].Matches);
    }
}
