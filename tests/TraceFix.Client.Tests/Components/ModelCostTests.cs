using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Client.Components;
using TraceFix.Client.Forms;
using TraceFix.Client.Pages;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Components;

/// <summary>Cost in the run header, the step detail, the runs list and the leaderboard; the New run form's model checkboxes.</summary>
public sealed class ModelCostTests : DashboardContext
{
    private static readonly ModelInfo[] Configured =
        [new("default", "fake-default", 0, 0), new("a", "model-a", 2, 10), new("b", "model-b", 1, 1)];

    [Fact]
    public void RunHeader_ShowsTokensAndCost_WithLiveTotalsAheadOfTheStoredOnes()
    {
        var run = Dtos.Run(Guid.NewGuid(), RunStatus.Running) with
        {
            InputPricePerMTok = 2, OutputPricePerMTok = 10, PromptTokens = 1000, CompletionTokens = 200, Cost = 0.004,
        };

        var cut = Render<RunHeader>(p => p.Add(x => x.Run, run).Add(x => x.DeepLink, "runs/x")
            .Add(x => x.LivePromptTokens, 3000L).Add(x => x.LiveCompletionTokens, 500L));

        Assert.Equal("3,500 tok", cut.Find(".run-tokens").TextContent);
        Assert.Equal("$0.0110", cut.Find(".run-cost").TextContent);
    }

    [Fact]
    public void RunHeader_WithoutPrices_ShowsNoCost()
    {
        var cut = Render<RunHeader>(p => p.Add(x => x.Run, Dtos.Run(Guid.NewGuid())).Add(x => x.DeepLink, "runs/x"));

        Assert.Empty(cut.FindAll(".run-cost"));
        Assert.Empty(cut.FindAll(".run-tokens"));
    }

    [Fact]
    public void StepDetail_ShowsTheStepsTokensAndCost()
    {
        var step = Steps.Make(2) with { PromptTokens = 1000, CompletionTokens = 200 };

        var cut = Render<StepDetail>(p => p.Add(x => x.Step, step).Add(x => x.InputPricePerMTok, 2.0).Add(x => x.OutputPricePerMTok, 10.0));

        Assert.Equal("1000 + 200 tok", cut.Find(".step-tokens").TextContent);
        Assert.Equal("$0.0040", cut.Find(".step-cost").TextContent);
    }

    [Fact]
    public void SeveralModels_StartOneRunEach_AndOpenCompare()
    {
        var first = Guid.NewGuid();
        var second = Guid.NewGuid();
        Api.OnStart = _ => Task.FromResult(new RunAccepted(first, $"/api/runs/{first}") { RunIds = [first, second] });
        var cut = Render<NewRunForm>(p => p.Add(x => x.Tasks, Api.Tasks).Add(x => x.Models, Configured));

        cut.Find("#agent").Change(AgentKinds.Llm);
        Assert.Empty(cut.FindAll("#model"));
        var boxes = cut.FindAll("#model-picks input[type=checkbox]");
        Assert.Equal(["default", "a", "b"], boxes.Select(b => b.GetAttribute("value")));
        cut.Find("#model-picks input[value=a]").Change(true);
        cut.Find("#model-picks input[value=b]").Change(true);
        cut.Find("form").Submit();

        var request = Assert.Single(Api.Started);
        Assert.Null(request.Model);
        Assert.Equal(["a", "b"], request.Models!);
        Assert.EndsWith($"compare?a={first}&b={second}", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public void OneModel_IsSentAsModel_AndNoneIsRefusedInThePage()
    {
        Guid? started = null;
        var cut = Render<NewRunForm>(p => p.Add(x => x.Tasks, Api.Tasks).Add(x => x.Models, Configured)
            .Add(x => x.OnStarted, (Guid g) => started = g));

        cut.Find("#agent").Change(AgentKinds.Llm);
        cut.Find("form").Submit();
        Assert.Contains("Pick at least one model.", cut.FindAll(".validation-message").Select(m => m.TextContent));
        Assert.Empty(Api.Started);

        cut.Find("#model-picks input[value=b]").Change(true);
        cut.Find("form").Submit();

        var request = Assert.Single(Api.Started);
        Assert.Equal("b", request.Model);
        Assert.Null(request.Models);
        Assert.NotNull(started);
    }

    [Fact]
    public void OnlyTheDefaultEndpoint_KeepsTheModelTextField()
    {
        var cut = Render<NewRunForm>(p => p.Add(x => x.Tasks, Api.Tasks).Add(x => x.Models, Configured[..1]));

        cut.Find("#agent").Change(AgentKinds.Llm);

        Assert.NotNull(cut.Find("#model"));
        Assert.Empty(cut.FindAll("#model-picks"));
    }

    [Fact]
    public void Leaderboard_ShowsCostPerSolvedTask_PerAgentAndModel()
    {
        Api.Leaderboard.Add(new LeaderboardRow("t1", "easy", "llm", "model-a", 4, 2, 0.5, 3, 0.8, 1200) { Cost = 0.02, CostPerSolved = 0.01 });
        Api.Leaderboard.Add(new LeaderboardRow("t2", "easy", "llm", "model-a", 2, 0, 0, 5, 0.2, 1500) { Cost = 0.01 });
        Api.Leaderboard.Add(new LeaderboardRow("t1", "easy", "offline", "offline-repair", 2, 2, 1, 2, 1, 0));

        var cut = Render<Leaderboard>();

        var cells = cut.FindAll(".cost-per-solved td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["$0.0150", "—"], cells);
    }
}
