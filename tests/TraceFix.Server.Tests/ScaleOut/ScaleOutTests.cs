using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Tests.Runs;

namespace TraceFix.Server.Tests.ScaleOut;

/// <summary>Two instances on one PostgreSQL and one Redis: the live feed, the queue, cancel, a dead instance, sessions.</summary>
public sealed class ScaleOutTests
{
    private static readonly string[] Tasks = ["task1_easy", "task2_medium", "task3_hard", "binary_search_off_by_one", "valid_parentheses_wrong_mapping"];

    [Fact]
    public async Task RunPlayedOnA_WatchedThroughB_LateJoinAndReconnectAcrossInstances_NoGapNoDuplicate()
    {
        await using var two = await TwoInstances.StartAsync();
        using var a = new HttpClient { BaseAddress = two.A.BaseAddress };
        using var b = new HttpClient { BaseAddress = two.B.BaseAddress };
        var runId = await a.StartAsync(new StartRunRequest("offline", Tasks: [.. Tasks, .. Tasks], Seed: 2));
        await a.WaitForStepsAsync(runId, 3);

        // Late join on b: the stored steps first, then live ones relayed from a.
        await using var lateHub = Hub(two.B.BaseAddress);
        await lateHub.StartAsync();
        var late = lateHub.WatchAsync(runId, 0, timeout: TimeSpan.FromSeconds(180));

        // A viewer on a that loses its connection and reconnects to b from the last step it saw.
        await using var first = Hub(two.A.BaseAddress);
        await first.StartAsync();
        var before = await first.WatchAsync(runId, 0, take: 4);
        await first.StopAsync();
        await using var second = Hub(two.B.BaseAddress);
        await second.StartAsync();
        var after = await second.WatchAsync(runId, before[^1].Step.Sequence, timeout: TimeSpan.FromSeconds(180));

        var detail = await b.WaitForEndAsync(runId, TimeSpan.FromSeconds(180));
        Assert.Equal(RunStatus.Completed, detail.Run.Status);
        var stored = detail.Episodes.SelectMany(e => e.Steps).ToList();
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), (await late).Select(s => s.Step.Sequence));
        Assert.Equal(StepJson.Of(stored), StepJson.Of((await late).Select(s => s.Step)));
        Assert.Equal(StepJson.Of(stored), StepJson.Of([.. before.Concat(after).Select(s => s.Step)]));
        Assert.Equal("a", await two.ClaimedByAsync(runId));
    }

    [Fact]
    public async Task CancelThroughB_StopsTheRunWhereItPlays_AndAQueuedRunIsPlayed()
    {
        await using var two = await TwoInstances.StartAsync(a: new Dictionary<string, string> { ["TraceFix__Runs__MaxConcurrentRuns"] = "1" });
        using var a = new HttpClient { BaseAddress = two.A.BaseAddress };
        using var b = new HttpClient { BaseAddress = two.B.BaseAddress };
        var playing = await a.StartAsync(new StartRunRequest("offline", Tasks: [.. Enumerable.Repeat(Tasks, 6).SelectMany(t => t)], Seed: 3));
        var queued = await a.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"], Seed: 4));
        await a.WaitForStepsAsync(playing, 3);
        Assert.Equal(RunStatus.Queued, (await b.DetailAsync(queued)).Run.Status);

        var response = await b.PostAsync($"/api/runs/{playing}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(RunStatus.Cancelled, (await response.Content.ReadFromJsonAsync(RunsJsonContext.Default.RunSummary))!.Status);
        var stopped = (await a.DetailAsync(playing)).Run.LastSequence;
        Assert.Equal(RunStatus.Completed, (await a.WaitForEndAsync(queued)).Run.Status);
        Assert.Equal(stopped, (await b.DetailAsync(playing)).Run.LastSequence);
        Assert.Equal("a", await two.ClaimedByAsync(playing));
    }

    [Fact]
    public async Task KillA_SurvivorInterruptsItsRunAfterTheLease_PlaysItsQueuedRuns_AndKeepsEveryStep()
    {
        await using var two = await TwoInstances.StartAsync(a: new Dictionary<string, string> { ["TraceFix__Runs__MaxConcurrentRuns"] = "1" });
        using var a = new HttpClient { BaseAddress = two.A.BaseAddress };
        using var b = new HttpClient { BaseAddress = two.B.BaseAddress };
        var playing = await a.StartAsync(new StartRunRequest("offline", Tasks: [.. Enumerable.Repeat(Tasks, 6).SelectMany(t => t)], Seed: 5));
        var queued = new[]
        {
            await a.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"], Seed: 6)),
            await a.StartAsync(new StartRunRequest("offline", Tasks: ["task2_medium"], Seed: 7)),
        };
        await a.WaitForStepsAsync(playing, 3);
        var seen = (await a.DetailAsync(playing)).Run.LastSequence;

        await two.A.KillAsync();

        var interrupted = await b.WaitForEndAsync(playing, TimeSpan.FromSeconds(60));
        Assert.Equal(RunStatus.Interrupted, interrupted.Run.Status);
        var steps = interrupted.Episodes.SelectMany(e => e.Steps).Select(s => s.Sequence).ToList();
        Assert.True(steps.Count >= seen, $"{steps.Count} steps stored, {seen} seen before the kill");
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(i => (long)i), steps);
        Assert.DoesNotContain(interrupted.Episodes, e => e.Status == EpisodeStatus.Running);
        foreach (var id in queued)
        {
            Assert.Equal(RunStatus.Completed, (await b.WaitForEndAsync(id, TimeSpan.FromSeconds(120))).Run.Status);
            Assert.Equal("b", await two.ClaimedByAsync(id));
        }
    }

    [Fact]
    public async Task HttpSessionOpenedOnA_ReachingB_GetsAProblemNamingItsInstance()
    {
        await using var two = await TwoInstances.StartAsync();
        using var a = new HttpClient { BaseAddress = two.A.BaseAddress };
        using var b = new HttpClient { BaseAddress = two.B.BaseAddress };
        var opened = await a.PostAsync("/sessions", null);
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var handle = opened.Headers.GetValues("X-Session-Id").Single();
        Assert.EndsWith(".a", handle);

        using var request = new HttpRequestMessage(HttpMethod.Post, "/reset") { Content = new StringContent("{}") };
        request.Headers.Add("X-Session-Id", handle);
        var misrouted = await b.SendAsync(request);

        Assert.Equal(HttpStatusCode.MisdirectedRequest, misrouted.StatusCode);
        Assert.Equal("application/problem+json", misrouted.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await misrouted.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("'a'", problem.GetProperty("detail").GetString());
        Assert.Contains("sticky", problem.GetProperty("detail").GetString());
    }

    private static HubConnection Hub(Uri server) =>
        new HubConnectionBuilder().WithUrl(new Uri(server, RunsHubMethods.Path)).Build();
}
