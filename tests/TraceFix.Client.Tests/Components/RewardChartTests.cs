using System.Globalization;
using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Client.Tests.Components;

public sealed class RewardChartTests : DashboardContext
{
    private static readonly Model.StepView[] Trajectory =
    [
        Steps.Make(1, ActionType.VIEW_CODE, -0.01, -0.01),
        Steps.Make(2, ActionType.RUN_TESTS, 0.2, 0.19),
        Steps.Make(3, ActionType.REPLACE_LINES, -0.1, 0.09),
        Steps.Make(4, ActionType.SUBMIT, 1.0, 1.09),
    ];

    [Fact]
    public void Draws_ABarPerStepAndTheCumulativeLine()
    {
        var cut = Render<RewardChart>(p => p.Add(x => x.Steps, Trajectory));

        Assert.Equal(2, cut.FindAll("rect.bar.pos").Count);
        Assert.Equal(2, cut.FindAll("rect.bar.neg").Count);
        var points = cut.Find("polyline.cumulative").GetAttribute("points")!.Split(' ');
        Assert.Equal(4, points.Length);
        var ys = points.Select(p => double.Parse(p.Split(',')[1], CultureInfo.InvariantCulture)).ToList();
        Assert.True(ys[3] < ys[1] && ys[1] < ys[2] && ys[2] < ys[0], "a larger cumulative reward sits higher (smaller y)");
    }

    [Fact]
    public void Cursor_FollowsTheSelectedStep()
    {
        var cut = Render<RewardChart>(p => p.Add(x => x.Steps, Trajectory).Add(x => x.Selected, 3));

        Assert.Equal("500", cut.Find("rect.cursor").GetAttribute("x"));
        cut.Render(p => p.Add(x => x.Selected, 1));
        Assert.Equal("0", cut.Find("rect.cursor").GetAttribute("x"));
    }

    [Fact]
    public void Click_OnAStepSelectsIt()
    {
        var selected = 0;
        var cut = Render<RewardChart>(p => p.Add(x => x.Steps, Trajectory).Add(x => x.OnSelect, (int s) => selected = s));

        cut.Find("rect.hit[data-step='2']").Click();

        Assert.Equal(2, selected);
    }

    [Fact]
    public void LongRuns_GroupStepsIntoAtMostMaxSlotsBars()
    {
        var steps = Enumerable.Range(1, 1000).Select(i => Steps.Make(i, reward: i % 2 == 0 ? 0.1 : -0.1, cumulative: 0)).ToList();

        var cut = Render<RewardChart>(p => p.Add(x => x.Steps, steps).Add(x => x.Selected, 1000));

        var hits = cut.FindAll("rect.hit");
        Assert.Equal(200, hits.Count);
        Assert.Equal("996", hits[^1].GetAttribute("data-step"));
        Assert.Equal(hits[^1].GetAttribute("x"), cut.Find("rect.cursor").GetAttribute("x"));
        Assert.Contains("5 steps per bar", cut.Find("figcaption").TextContent);
    }
}
