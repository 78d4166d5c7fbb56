using Bunit;
using TraceFix.Client.Components;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Client.Tests.Components;

public sealed class StepTimelineTests : DashboardContext
{
    [Fact]
    public void Renders_ActionRewardThoughtAndErrorOfEachStep()
    {
        var steps = new[]
        {
            Steps.Make(1, ActionType.VIEW_CODE, -0.01, thought: "Look at the loop first."),
            Steps.Run(2, Steps.Pass("a"), Steps.Fail("b")) with { Reward = 0.2 },
            Steps.Make(3, ActionType.REPLACE_LINES, -0.1, start: 9, end: 9, error: "line 99 out of range"),
        };

        var cut = Render<StepTimeline>(p => p.Add(x => x.Steps, steps).Add(x => x.Selected, 2));

        var rows = cut.FindAll(".step-row");
        Assert.Equal(3, rows.Count);
        Assert.Contains("VIEW", rows[0].TextContent);
        Assert.Contains("Look at the loop first.", rows[0].QuerySelector(".thought")!.TextContent);
        Assert.Equal("+0.20", rows[1].QuerySelector(".reward")!.TextContent);
        Assert.Equal("1/2", rows[1].QuerySelector(".tests")!.TextContent);
        Assert.Contains("selected", rows[1].ClassName);
        Assert.Contains("has-error", rows[2].ClassName);
        Assert.Equal("REPLACE 9", rows[2].QuerySelector(".action")!.TextContent);
    }

    [Fact]
    public void Click_SelectsTheStep()
    {
        var selected = 0;
        var cut = Render<StepTimeline>(p => p
            .Add(x => x.Steps, [Steps.Make(1), Steps.Make(2), Steps.Make(3)])
            .Add(x => x.OnSelect, (int n) => selected = n));

        cut.Find("[data-step='3']").Click();

        Assert.Equal(3, selected);
    }

    [Fact]
    public void Virtualizes_LongTrajectories()
    {
        var steps = Enumerable.Range(1, 2000).Select(i => Steps.Make(i)).ToList();

        var cut = Render<StepTimeline>(p => p.Add(x => x.Steps, steps));

        var rendered = cut.FindAll(".step-row").Count;
        Assert.InRange(rendered, 1, 1999);
    }

    [Fact]
    public void Shows_EmptyText()
    {
        var cut = Render<StepTimeline>(p => p.Add(x => x.Steps, []).Add(x => x.EmptyText, "Waiting for the agent"));

        Assert.Equal("Waiting for the agent", cut.Find(".empty").TextContent);
    }
}
