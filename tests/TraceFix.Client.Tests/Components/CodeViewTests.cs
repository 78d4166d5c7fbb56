using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Tests.Support;

namespace TraceFix.Client.Tests.Components;

public sealed class CodeViewTests : DashboardContext
{
    private static readonly string[] Before = ["def f(x):", "    if x % 2 == 1:", "        return x", "    return 0"];
    private static readonly string[] After = ["def f(x):", "    if x % 2 == 0:", "        return x", "    return 0"];

    [Fact]
    public void Plain_ShowsNumberedLinesAndHighlightsTheEditedRange()
    {
        var cut = Render<CodeView>(p => p.Add(x => x.Code, After).Add(x => x.HighlightStart, 2).Add(x => x.HighlightEnd, 3));

        var rows = cut.FindAll("tr");
        Assert.Equal(4, rows.Count);
        Assert.Equal(["1", "2", "3", "4"], rows.Select(r => r.QuerySelector(".ln")!.TextContent));
        Assert.Equal("    if x % 2 == 0:", rows[1].QuerySelector(".src")!.TextContent);
        Assert.Equal([false, true, true, false], rows.Select(r => r.ClassList.Contains("hl")));
    }

    [Fact]
    public void Diff_ShowsRemovedAndAddedLines()
    {
        var cut = Render<CodeView>(p => p.Add(x => x.Code, After).Add(x => x.Baseline, Before));

        Assert.Equal("    if x % 2 == 1:", cut.Find("tr.removed .src").TextContent);
        Assert.Equal("    if x % 2 == 0:", cut.Find("tr.added .src").TextContent);
        Assert.Equal("+", cut.Find("tr.added .mark").TextContent);
        Assert.Equal(3, cut.FindAll("tr.same").Count);
    }

    [Fact]
    public void Diff_SaysSoWhenNothingChanged()
    {
        var cut = Render<CodeView>(p => p.Add(x => x.Code, After).Add(x => x.Baseline, After));

        Assert.Equal("No changes.", cut.Find(".no-diff").TextContent);
        Assert.Empty(cut.FindAll("tr.added"));
    }
}
