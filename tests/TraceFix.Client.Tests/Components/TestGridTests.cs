using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Tests.Support;

namespace TraceFix.Client.Tests.Components;

public sealed class TestGridTests : DashboardContext
{
    private static readonly Model.StepView[] Trajectory =
    [
        Steps.Run(1, Steps.Pass("test_a"), Steps.Fail("test_b")),
        Steps.Replace(2, 4, "x"),
        Steps.Run(3, Steps.Pass("test_a"), Steps.Pass("test_b")),
        Steps.Run(4, Steps.Fail("test_a"), Steps.Pass("test_b")),
    ];

    [Fact]
    public void Renders_OneColumnPerTestRunAndOneRowPerTest()
    {
        var cut = Render<TestGrid>(p => p.Add(x => x.Steps, Trajectory));

        Assert.Equal(["1", "3", "4"], cut.FindAll("th.col button").Select(b => b.TextContent));
        Assert.Equal(["test_a", "test_b"], cut.FindAll("tbody th.name").Select(h => h.TextContent));
        Assert.Equal("✗", cut.Find("td[data-test='test_b'][data-step='1']").TextContent);
    }

    [Fact]
    public void Highlights_VerdictFlips()
    {
        var cut = Render<TestGrid>(p => p.Add(x => x.Steps, Trajectory));

        var flips = cut.FindAll("td.flip").Select(c => (c.GetAttribute("data-test"), c.GetAttribute("data-step"))).ToList();
        Assert.Equal([("test_a", "4"), ("test_b", "3")], flips);
        Assert.Contains("fixed here", cut.Find("td[data-test='test_b'][data-step='3']").GetAttribute("title"));
        Assert.Contains("broke here", cut.Find("td[data-test='test_a'][data-step='4']").GetAttribute("title"));
    }

    [Fact]
    public void Selected_MarksTheVerdictsInForceAtThatStep()
    {
        var selected = 0;
        var cut = Render<TestGrid>(p => p.Add(x => x.Steps, Trajectory).Add(x => x.Selected, 2).Add(x => x.OnSelect, (int s) => selected = s));

        Assert.All(cut.FindAll("td.sel"), c => Assert.Equal("1", c.GetAttribute("data-step")));
        cut.Find("td[data-test='test_a'][data-step='4']").Click();
        Assert.Equal(4, selected);
    }

    [Fact]
    public void LongRuns_ShowAWindowOfColumnsAroundTheSelectedStep()
    {
        var steps = Enumerable.Range(1, 300).Select(i => Steps.Run(i, i % 7 == 0 ? Steps.Fail("t") : Steps.Pass("t"))).ToList();

        var cut = Render<TestGrid>(p => p.Add(x => x.Steps, steps).Add(x => x.Selected, 150));

        var columns = cut.FindAll("th.col button").Select(b => int.Parse(b.TextContent)).ToList();
        Assert.Equal(TestGrid.MaxColumns, columns.Count);
        Assert.Contains(150, columns);
        Assert.Contains("of 300", cut.Find(".window-note").TextContent);
        Assert.Equal("150", cut.Find("th.col.sel button").TextContent);
    }
}
