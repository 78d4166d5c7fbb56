using TraceFix.Client.Diff;

namespace TraceFix.Client.Tests.Analysis;

public sealed class LineDiffTests
{
    [Fact]
    public void Compute_MarksChangedLineAsRemovedThenAdded()
    {
        var diff = LineDiff.Compute(["a", "b", "c"], ["a", "B", "c"]);

        Assert.Equal(
            [
                new DiffLine(DiffKind.Same, 1, 1, "a"),
                new DiffLine(DiffKind.Removed, 2, null, "b"),
                new DiffLine(DiffKind.Added, null, 2, "B"),
                new DiffLine(DiffKind.Same, 3, 3, "c"),
            ],
            diff);
    }

    [Fact]
    public void Compute_NumbersLinesOnBothSidesAfterAnInsertion()
    {
        var diff = LineDiff.Compute(["x", "y"], ["x", "new1", "new2", "y"]);

        Assert.Equal([DiffKind.Same, DiffKind.Added, DiffKind.Added, DiffKind.Same], diff.Select(d => d.Kind));
        Assert.Equal((2, 4), (diff[^1].OldNumber!.Value, diff[^1].NewNumber!.Value));
    }

    [Fact]
    public void Compute_KeepsTheLongestCommonSubsequence()
    {
        var diff = LineDiff.Compute(["a", "b", "c", "d"], ["b", "c", "x", "d"]);

        Assert.Equal(["b", "c", "d"], diff.Where(d => d.Kind == DiffKind.Same).Select(d => d.Text));
        Assert.Equal(["a"], diff.Where(d => d.Kind == DiffKind.Removed).Select(d => d.Text));
        Assert.Equal(["x"], diff.Where(d => d.Kind == DiffKind.Added).Select(d => d.Text));
    }

    [Fact]
    public void Compute_HandlesEmptySides()
    {
        Assert.All(LineDiff.Compute([], ["a", "b"]), d => Assert.Equal(DiffKind.Added, d.Kind));
        Assert.All(LineDiff.Compute(["a"], []), d => Assert.Equal(DiffKind.Removed, d.Kind));
        Assert.False(LineDiff.HasChanges(LineDiff.Compute(["same"], ["same"])));
    }
}
