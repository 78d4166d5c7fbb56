using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Client.Pages;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Pages;

public sealed class RunPageTests : DashboardContext
{
    private const string Fixed = "def sum_even(xs):\n    total = 0\n    for x in xs:\n        if x % 2 == 0:\n            total += x\n    return total\n";

    [Fact]
    public void DeepLink_OpensTheRequestedStepWithItsDiff()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed,
            Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01),
            Dtos.Step(2, 2, ActionType.REPLACE_LINES, 0.1, Fixed),
            Dtos.Step(3, 3, ActionType.RUN_TESTS, 0.3, Fixed, passAll: true));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"runs/{id}?episode=1&step=2");

        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));

        Assert.Equal("step 2 / 3", cut.Find(".position").TextContent);
        Assert.Contains("selected", cut.Find(".step-row[data-step='2']").ClassName);
        Assert.Equal("        if x % 2 == 0:", cut.Find(".code tr.added .src").TextContent);
        Assert.Equal("        if x % 2 == 1:", cut.Find(".code tr.removed .src").TextContent);
        Assert.EndsWith($"runs/{id}?episode=1&step=2", cut.Find("#step-link").GetAttribute("href"));
    }

    [Fact]
    public async Task LiveRun_AppendsStepsFromTheFeedAndFollowsTheNewest()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Running, EpisodeStatus.Running, Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01));

        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));
        Assert.Equal(1L, Feed.WatchedAfter);
        await Feed.PushAsync(new StepRecorded(id, 7, Dtos.Step(2, 2, ActionType.RUN_TESTS, 0.2)));
        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".step-row").Count));
        Assert.Equal("step 2 / 2", cut.Find(".position").TextContent);
        Assert.Single(cut.FindAll("td[data-step='2']"), c => c.ClassList.Contains("fail"));
    }

    [Fact]
    public async Task LiveRun_ShowsTheModelsTextWhileItWrites_UntilTheStepIsStored()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Running, EpisodeStatus.Running, Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01));
        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".step-row")));

        await Feed.RaiseModelText(new ModelTextStreamed(id, 7, 2, "{\"thought\":\"first try", Restart: true));
        await Feed.RaiseModelText(new ModelTextStreamed(id, 7, 2, "{\"thought\":\"Obs", Restart: true));
        await Feed.RaiseModelText(new ModelTextStreamed(id, 7, 2, "ervation: 1/3 pass", Restart: false));
        await Feed.RaiseModelText(new ModelTextStreamed(Guid.NewGuid(), 7, 2, "another run", Restart: true));
        Clock.Advance(TimeSpan.FromSeconds(1));

        cut.WaitForAssertion(() => Assert.Equal("{\"thought\":\"Observation: 1/3 pass", cut.Find(".live-text-body").TextContent));
        Assert.Contains("step 2", cut.Find(".live-text-head").TextContent);

        await Feed.PushAsync(new StepRecorded(id, 7, Dtos.Step(2, 2, ActionType.RUN_TESTS, 0.2)));
        Clock.Advance(TimeSpan.FromSeconds(1));
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll(".step-row").Count));
        Assert.Empty(cut.FindAll(".live-text"));
    }

    [Fact]
    public void LongStoredRun_PagesItsStepsInAndRendersOnlyAWindow()
    {
        var id = Guid.NewGuid();
        var steps = Enumerable.Range(1, 600).Select(i => Dtos.Step(i, i, i % 3 == 0 ? ActionType.RUN_TESTS : ActionType.VIEW_CODE, 0.01)).ToArray();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed, steps);
        Services.GetRequiredService<NavigationManager>().NavigateTo($"runs/{id}?episode=1&step=600");

        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));

        cut.WaitForAssertion(() => Assert.Equal("step 600 / 600", cut.Find(".position").TextContent));
        Assert.Equal(3, Api.StepPages); // 60 + 300 + 240
        Assert.Empty(cut.FindAll(".loading"));
        Assert.InRange(cut.FindAll(".step-row").Count, 1, 599);
        Assert.InRange(cut.FindAll("rect.hit").Count, 1, 240);
    }

    [Fact]
    public void NavigatingToAnotherRun_CancelsTheOldLoadAndStartsClean()
    {
        var slow = Guid.NewGuid();
        var next = Guid.NewGuid();
        Api.Runs[slow] = Dtos.Detail(slow, RunStatus.Completed, EpisodeStatus.Completed, Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01));
        Api.Stalled.Add(slow);
        Api.Runs[next] = Dtos.Detail(next, RunStatus.Completed, EpisodeStatus.Completed,
            Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01), Dtos.Step(2, 2, ActionType.RUN_TESTS, 0.2));
        var cut = Render<RunPage>(p => p.Add(x => x.Id, slow));
        var oldLoad = Assert.Single(Api.StalledLoads);
        Assert.NotEmpty(cut.FindAll(".loading"));

        cut.Render(p => p.Add(x => x.Id, next));

        Assert.True(oldLoad.IsCancellationRequested);
        cut.WaitForAssertion(() => Assert.Equal("step 2 / 2", cut.Find(".position").TextContent));
        Assert.Empty(cut.FindAll(".loading"));
        Assert.Contains(RunIdText.Short(next), cut.Find("h1").TextContent);
        Assert.False(cut.Instance.State.LoadToken.IsCancellationRequested);
    }

    [Fact]
    public void FailureLabels_ShowTheServersCodesWithTheirTitles()
    {
        var id = Guid.NewGuid();
        var detail = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed, Dtos.Step(1, 1, ActionType.SUBMIT, -0.5));
        Api.Runs[id] = detail with
        {
            Episodes = [detail.Episodes[0] with { FailureLabels = [FailureLabelCodes.SubmittedFailing, FailureLabelCodes.Looped, "brand_new"] }],
        };

        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));

        Assert.Equal(["Submitted with failing tests", "Looped", "brand new"], cut.FindAll(".fail-label").Select(l => l.TextContent));
        Assert.Contains("submitted-failing", cut.Find(".fail-label").ClassName);
    }

    [Fact]
    public void MissingRun_ShowsTheError()
    {
        var cut = Render<RunPage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        Assert.Contains("does not exist", cut.Find("[role=alert]").TextContent);
    }
}
