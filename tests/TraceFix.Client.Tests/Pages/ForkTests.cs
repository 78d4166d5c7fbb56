using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Client.Analysis;
using TraceFix.Client.Model;
using TraceFix.Client.Pages;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Pages;

/// <summary>"Fork from here" on a step, New run prefilled with the fork, the fork's link to its parent, Compare from the fork point.</summary>
public sealed class ForkTests : DashboardContext
{
    [Fact]
    public void StepDetail_OffersForkFromHere_LinkingToNewRunWithTheStep()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed,
            Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01), Dtos.Step(2, 2, ActionType.RUN_TESTS, 0.2));
        Services.GetRequiredService<NavigationManager>().NavigateTo($"runs/{id}?episode=1&step=2");

        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));

        var fork = cut.Find("#fork-step");
        Assert.Equal("Fork from here", fork.TextContent);
        Assert.Equal($"runs?fork={id}&at=2&forkStep=2&budget=20", fork.GetAttribute("href"));
        Assert.Empty(cut.FindAll("#forked-from"));
    }

    [Fact]
    public void SharedView_OffersNoFork()
    {
        var id = Guid.NewGuid();
        Api.Runs[id] = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed, Dtos.Step(1, 1, ActionType.VIEW_CODE, -0.01));
        Api.SharedRuns["tok"] = new SharedRun(id, Guid.NewGuid(), DateTimeOffset.UtcNow.AddDays(1));
        Services.GetRequiredService<NavigationManager>().NavigateTo("shared/tok?episode=1&step=1");

        var cut = Render<SharedRunPage>(p => p.Add(x => x.Token, "tok"));

        Assert.Equal("step 1 / 1", cut.Find(".position").TextContent);
        Assert.Empty(cut.FindAll("#fork-step"));
    }

    [Fact]
    public void ForkedRun_HeaderNamesItsParentAndStep_WithLinks()
    {
        var parent = Guid.NewGuid();
        var id = Guid.NewGuid();
        var detail = Dtos.Detail(id, RunStatus.Completed, EpisodeStatus.Completed, Dtos.Step(1, 1, ActionType.RUN_TESTS, 0.2));
        Api.Runs[id] = detail with { Run = detail.Run with { ForkedFrom = new ForkOrigin(parent, 5, 0, 3) } };

        var cut = Render<RunPage>(p => p.Add(x => x.Id, id));

        var origin = cut.Find("#forked-from");
        Assert.Equal($"forked from run {RunIdText.Short(parent)} at step 3", Normalize(origin.TextContent));
        Assert.Equal($"runs/{parent}?episode=1&step=3", origin.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal($"compare?a={parent}&b={id}", cut.Find("#compare-parent").GetAttribute("href"));
    }

    [Fact]
    public void NewRun_OpenedAsAFork_SendsForkFromWithoutTasks()
    {
        var parent = Guid.NewGuid();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"runs?fork={parent}&at=4&forkStep=3&budget=10");
        var cut = Render<Runs>();

        Assert.Contains($"Fork of run {RunIdText.Short(parent)} from step 3", Normalize(cut.Find("#fork-note").TextContent));
        Assert.True(cut.Find("fieldset.selection").HasAttribute("hidden"));
        Assert.Equal("10", cut.Find("#max-steps").GetAttribute("value"));
        cut.Find("#agent").Change(AgentKinds.Replay);
        cut.Find("#replay-source").Change(parent.ToString());
        cut.Find("form").Submit();

        var request = Assert.Single(Api.Started);
        Assert.Equal(new StartRunRequest(AgentKinds.Replay, null, null, null, 10, null, parent, new ForkPoint(parent, 4)), request);
    }

    [Fact]
    public void NewRun_OpenedAsAFork_CanStartFreshInstead()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo($"runs?fork={Guid.NewGuid()}&at=4&forkStep=3&budget=3");
        var cut = Render<Runs>();

        Assert.Equal("4", cut.Find("#max-steps").GetAttribute("value"));
        cut.Find("#fork-clear").Click();
        cut.Find("form").Submit();

        Assert.Empty(cut.FindAll("#fork-note"));
        Assert.False(cut.Find("fieldset.selection").HasAttribute("hidden"));
        Assert.Null(Assert.Single(Api.Started).ForkFrom);
    }

    [Fact]
    public void ForkAlignment_PutsTheForksFirstStepBesideTheParentsNextStep()
    {
        var parentId = Guid.NewGuid();
        var parent = Dtos.Run(parentId);
        var fork = Dtos.Run(Guid.NewGuid()) with { ForkedFrom = new ForkOrigin(parentId, 3, 0, 3) };
        var parentEpisode = Episode(Steps.Make(1), Steps.Run(2), Steps.Make(3), Steps.Replace(4, 4, "a"), Steps.Make(5, ActionType.SUBMIT));
        var forkEpisode = Episode(Steps.Replace(1, 4, "a"), Steps.Run(2), Steps.Make(3, ActionType.SUBMIT));

        var relation = ForkAlignment.Between(fork, parent)!;
        var alignment = relation.Align(forkEpisode, parentEpisode);

        Assert.False(relation.ParentIsLeft);
        Assert.Equal(3, relation.ForkStep);
        Assert.Equal((1, 4), (alignment.Rows[0].Left!.Number, alignment.Rows[0].Right!.Number));
        Assert.True(alignment.Rows[0].Matches);
        Assert.Equal(1, alignment.FirstDivergence);
        Assert.Null(ForkAlignment.Between(parent, Dtos.Run(Guid.NewGuid())));
        Assert.Equal("A forked from B after B's step 3: rows start at A's step 1 and B's step 4.", relation.Describe());
    }

    private static EpisodeView Episode(params StepView[] steps) => new() { Index = 0, TaskName = "sum_even", Steps = steps };

    private static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
