using Bunit;
using TraceFix.Client.Pages;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Pages;

public sealed class RunSearchTests : DashboardContext
{
    private readonly Guid _id = Guid.NewGuid();

    public RunSearchTests() =>
        Api.Runs[_id] = Dtos.Detail(_id, RunStatus.Completed, EpisodeStatus.Completed,
            Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01),
            Dtos.Step(2, 2, ActionType.RUN_TESTS, 0.1),
            Dtos.Step(3, 3, ActionType.VIEW_CODE, -0.01),
            Dtos.Step(4, 4, ActionType.RUN_TESTS, 0.1),
            Dtos.Step(5, 5, ActionType.SUBMIT, 0.5));

    [Fact]
    public void TextSearch_AsksTheServerAndMarksTheMatchOnTimelineAndChart()
    {
        var cut = Render<RunPage>(p => p.Add(x => x.Id, _id));

        cut.Find("#run-search").Change("THOUGHT 3");
        cut.Find("form.search-bar").Submit();

        Assert.Equal("THOUGHT 3", Assert.Single(Api.Searches).Text);
        cut.WaitForAssertion(() => Assert.Equal("1 match", cut.Find(".search-count").TextContent));
        Assert.Equal("3", Assert.Single(cut.FindAll(".step-row.match")).GetAttribute("data-step"));
        Assert.Single(cut.FindAll("rect.match-mark"));
    }

    [Fact]
    public void ActionFilter_NextAndPreviousJumpBetweenMatchesAndWrap()
    {
        var cut = Render<RunPage>(p => p.Add(x => x.Id, _id));
        cut.Instance.State.Player.Seek(1);

        cut.Find("#search-action").Change(nameof(ActionType.RUN_TESTS));
        cut.WaitForAssertion(() => Assert.Equal("2 matches", cut.Find(".search-count").TextContent));
        cut.Find("button[title^='Next match']").Click();
        Assert.Equal("step 2 / 5", cut.Find(".position").TextContent);
        cut.Find("button[title^='Next match']").Click();
        Assert.Equal("step 4 / 5", cut.Find(".position").TextContent);
        cut.Find("button[title^='Next match']").Click();
        Assert.Equal("step 2 / 5", cut.Find(".position").TextContent);
        cut.Find("button[title^='Previous match']").Click();
        Assert.Equal("step 4 / 5", cut.Find(".position").TextContent);
    }

    [Fact]
    public void Clear_RemovesTheMarks()
    {
        var cut = Render<RunPage>(p => p.Add(x => x.Id, _id));
        cut.Find("#search-action").Change(nameof(ActionType.SUBMIT));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".step-row.match")));

        cut.Find(".search-bar button.ghost:last-child").Click();

        Assert.Empty(cut.FindAll(".step-row.match"));
        Assert.Empty(cut.FindAll(".search-count"));
    }
}
