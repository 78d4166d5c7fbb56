using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Tests.Runs;

public sealed class TransferAndApiTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ExportThenImport_RecreatesTheRunUnderANewId(string provider)
    {
        await using var app = await TraceFixApp.ForAsync(provider);
        var http = app.CreateClient();
        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy", "task3_hard"], Seed: 7));
        var original = await http.WaitForEndAsync(runId);

        var export = await http.GetAsync($"/api/runs/{runId}/export");
        Assert.Equal("application/x-ndjson", export.Content.Headers.ContentType?.MediaType);
        var jsonl = await export.Content.ReadAsStringAsync();
        var lines = jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + original.Episodes.Count + original.Episodes.Sum(e => e.Steps.Count), lines.Length);

        var imported = await http.PostAsync("/api/runs/import", new StringContent(jsonl, Encoding.UTF8, "application/x-ndjson"));
        Assert.Equal(HttpStatusCode.Created, imported.StatusCode);
        var accepted = await imported.Content.ReadFromJsonAsync(RunsJsonContext.Default.RunAccepted);
        Assert.NotEqual(runId, accepted!.RunId);
        var copy = await http.DetailAsync(accepted.RunId);

        Assert.Equal(original.Run with { Id = copy.Run.Id }, copy.Run);
        Assert.Equal(original.Episodes.Count, copy.Episodes.Count);
        foreach (var (a, b) in original.Episodes.Zip(copy.Episodes))
        {
            Assert.Equal((a.TaskName, a.Index, a.Status, a.Success, a.FinalScore, a.OriginalCode, a.StopReason, a.StepCount),
                (b.TaskName, b.Index, b.Status, b.Success, b.FinalScore, b.OriginalCode, b.StopReason, b.StepCount));
            Assert.Equal(a.FailureLabels, b.FailureLabels);
            Assert.Equal(StepJson.WithoutEpisodeIds(a.Steps), StepJson.WithoutEpisodeIds(b.Steps));
            Assert.All(b.Steps, s => Assert.Equal(b.Id, s.EpisodeId));
        }

        var again = await http.GetStringAsync($"/api/runs/{accepted.RunId}/export");
        Assert.Equal(jsonl.Replace(runId.ToString(), accepted.RunId.ToString()).Length, again.Length);
    }

    [Fact]
    public async Task Import_BrokenFile_Returns400NamingTheLine()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var body = "{\"kind\":\"step\"}\n{not json\n";

        var response = await http.PostAsync("/api/runs/import", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        var problem = await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("line 1", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("line 2", out _));
    }

    [Fact]
    public async Task Tasks_ShowDescriptionAndBuggyCode_NeverTestsOrFix()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var catalog = app.Services.GetRequiredService<TaskCatalog>();

        var list = await http.GetFromJsonAsync("/api/tasks", RunsJsonContext.Default.ListTaskSummary);
        Assert.Equal(catalog.All.Count, list!.Count);
        var task = catalog.Get("task2_medium");
        var raw = await http.GetStringAsync($"/api/tasks/{task.Name}");
        var detail = await http.GetFromJsonAsync($"/api/tasks/{task.Id}", RunsJsonContext.Default.TaskDetail);

        Assert.Equal(task.SolutionCode, detail!.BuggyCode);
        Assert.Equal("medium", detail.Difficulty);
        Assert.DoesNotContain("def test_", raw);
        Assert.DoesNotContain(task.FixedCode.Trim().Split('\n').First(l => !task.SolutionCode.Contains(l)).Trim(), raw);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ManualPlay_StepsAreStoredAndStreamedAsAManualRun(string provider)
    {
        await using var app = await TraceFixApp.ForAsync(provider);
        var http = app.CreateClient();
        var task = app.Services.GetRequiredService<TaskCatalog>().Get("task1_easy");

        var start = await http.PostAsJsonAsync("/api/play", new StartPlayRequest(Task: "task1_easy"), RunsJsonContext.Default.StartPlayRequest);
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var session = (await start.Content.ReadFromJsonAsync(RunsJsonContext.Default.PlaySession))!;
        await using var hub = app.CreateHubConnection();
        await hub.StartAsync();
        var watch = hub.WatchAsync(session.RunId, 0);

        var fixedLines = task.FixedCode.TrimEnd('\n');
        var actions = new[]
        {
            CodeAction.Of(ActionType.RUN_TESTS, "see what fails"),
            CodeAction.Replace(1, task.SolutionLines.Count, fixedLines, "apply the reference fix"),
            CodeAction.Of(ActionType.SUBMIT, "done"),
        };
        PlayStepResult? last = null;
        foreach (var action in actions)
        {
            var response = await http.PostAsJsonAsync($"/api/play/{session.SessionId}/step", action, RunsJsonContext.Default.CodeAction);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            last = await response.Content.ReadFromJsonAsync(RunsJsonContext.Default.PlayStepResult);
        }

        Assert.True(last!.Result.Done);
        var after = await http.PostAsJsonAsync($"/api/play/{session.SessionId}/step", actions[0], RunsJsonContext.Default.CodeAction);
        Assert.Equal(HttpStatusCode.Conflict, after.StatusCode);
        var detail = await http.DetailAsync(session.RunId);
        Assert.Equal((RunStatus.Completed, "manual", 1), (detail.Run.Status, detail.Run.AgentKind, detail.Run.SolvedCount));
        var episode = Assert.Single(detail.Episodes);
        Assert.True(episode.Success);
        Assert.Equal(task.SolutionCode, episode.OriginalCode);
        Assert.Equal(3, episode.Steps.Count);
        Assert.Equal(episode.Steps[2].TestTotal, episode.Steps[2].PassCount);
        Assert.Equal(StepJson.Of(episode.Steps), StepJson.Of((await watch).Select(s => s.Step)));

        var board = await http.GetFromJsonAsync("/api/leaderboard?agent=manual", RunsJsonContext.Default.ListLeaderboardRow);
        var row = Assert.Single(board!);
        Assert.Equal((task.Name, "human", 1, 1, 1.0, 3.0), (row.TaskName, row.Model, row.Episodes, row.Solved, row.SolveRate, row.MeanSteps));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Replay_RepeatsTheSourceRunsActions(string provider)
    {
        await using var app = await TraceFixApp.ForAsync(provider);
        var http = app.CreateClient();
        var sourceId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"], Seed: 3));
        var source = await http.WaitForEndAsync(sourceId);

        var replayId = await http.StartAsync(new StartRunRequest("replay", ReplaySourceRunId: sourceId));
        var replay = await http.WaitForEndAsync(replayId);

        Assert.Equal(RunStatus.Completed, replay.Run.Status);
        Assert.Equal(sourceId, replay.Run.ReplaySourceRunId);
        var a = source.Episodes[0].Steps;
        var b = Assert.Single(replay.Episodes).Steps;
        Assert.Equal(a.Select(s => (s.Action, s.Reward, s.PassCount, s.CodeSnapshot)), b.Select(s => (s.Action, s.Reward, s.PassCount, s.CodeSnapshot)));
        Assert.DoesNotContain(b, s => s.Thought.Contains("DIVERGENCE"));
        Assert.Equal(source.Episodes[0].Success, replay.Episodes[0].Success);
    }
}
