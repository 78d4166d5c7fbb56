using Microsoft.AspNetCore.SignalR;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Tests.Runs;

public sealed class LiveStreamTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task OfflineRun_StreamedStepsEqualStoredSteps(string provider)
    {
        await using var app = await TraceFixApp.ForAsync(provider);
        var http = app.CreateClient();
        await using var hub = app.CreateHubConnection();
        var statuses = new List<RunStatusChanged>();
        hub.On<RunStatusChanged>(RunsHubMethods.RunStatusChanged, message => { lock (statuses) { statuses.Add(message); } });
        await hub.StartAsync();
        await hub.InvokeAsync(RunsHubMethods.SubscribeRuns);

        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["valid_parentheses_wrong_mapping"], Seed: 1));
        var streamed = await hub.WatchAsync(runId, 0);
        var detail = await http.WaitForEndAsync(runId);

        Assert.Equal(RunStatus.Completed, detail.Run.Status);
        Assert.Equal("tracefix-offline-repair", detail.Run.Model);
        var episode = Assert.Single(detail.Episodes);
        Assert.Equal(EpisodeStatus.Completed, episode.Status);
        Assert.NotNull(episode.FinalScore);
        Assert.Equal(episode.Success, episode.FailureLabels.Count == 0);
        Assert.Contains("def ", episode.OriginalCode);
        var stored = episode.Steps;
        Assert.NotEmpty(stored);
        Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), streamed.Select(s => s.Step.Sequence));
        Assert.Equal(StepJson.Of(stored), StepJson.Of(streamed.Select(s => s.Step)));
        Assert.All(streamed, s => Assert.Equal(runId, s.RunId));
        Assert.Equal(stored[^1].Sequence, detail.Run.LastSequence);
        var last = stored[^1];
        Assert.True(last.Done || stored.Count == detail.Run.MaxSteps);
        Assert.True(last.TestTotal > 0);

        await WaitUntil(() => { lock (statuses) { return statuses.Any(s => s.Run.Id == runId && s.Run.Status == RunStatus.Completed); } });
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task LateJoinAndReconnect_GetMissedStepsThenLiveOnes_WithoutGapOrDuplicate(string provider)
    {
        using var gate = new SemaphoreSlim(0);
        await using var app = await TraceFixApp.ForAsync(provider, services: TestAgents.Scripted(stepsPerEpisode: 10, gate));
        var http = app.CreateClient();
        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["binary_search_off_by_one", "task1_easy"]));

        gate.Release(5);
        await http.WaitForStepsAsync(runId, 5);

        // A late joiner: steps 1-5 come from the store, the rest live.
        await using var late = app.CreateHubConnection();
        await late.StartAsync();
        var lateWatch = late.WatchAsync(runId, 0);

        // A viewer that drops after three steps and comes back with the last sequence it saw.
        var first = app.CreateHubConnection();
        await first.StartAsync();
        var before = await first.WatchAsync(runId, 0, take: 3);
        await first.DisposeAsync();

        gate.Release(7);
        await http.WaitForStepsAsync(runId, 12);
        await using var again = app.CreateHubConnection();
        await again.StartAsync();
        var resumed = again.WatchAsync(runId, before[^1].Step.Sequence);
        gate.Release(100);

        var after = await resumed;
        var lateSteps = await lateWatch;
        var detail = await http.WaitForEndAsync(runId);
        var stored = detail.Episodes.SelectMany(e => e.Steps).ToList();

        Assert.Equal(20, stored.Count);
        var expected = Enumerable.Range(1, 20).Select(i => (long)i).ToList();
        Assert.Equal(expected, lateSteps.Select(s => s.Step.Sequence));
        Assert.Equal(expected, before.Concat(after).Select(s => s.Step.Sequence));
        Assert.Equal(StepJson.Of(stored), StepJson.Of(lateSteps.Select(s => s.Step)));
        Assert.Equal(StepJson.Of(stored), StepJson.Of(before.Concat(after).Select(s => s.Step)));
        Assert.Equal(2, detail.Episodes.Select(e => e.Id).Distinct().Count());
        Assert.Equal(detail.Episodes.Select(e => e.Id), lateSteps.Select(s => s.EpisodeId).Distinct());
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task WatchRun_AfterTheRunEnded_ReplaysTheRestAndCompletes(string provider)
    {
        await using var app = await TraceFixApp.ForAsync(provider, services: TestAgents.Scripted(stepsPerEpisode: 4));
        var http = app.CreateClient();
        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"]));
        await http.WaitForEndAsync(runId);

        await using var hub = app.CreateHubConnection();
        await hub.StartAsync();
        var all = await hub.WatchAsync(runId, 0);
        var tail = await hub.WatchAsync(runId, 2);

        Assert.Equal([1L, 2, 3, 4], all.Select(s => s.Step.Sequence));
        Assert.Equal([3L, 4], tail.Select(s => s.Step.Sequence));
        await Assert.ThrowsAsync<HubException>(() => hub.WatchAsync(runId: Guid.NewGuid(), 0));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task JoinRun_ReceivesEpisodeEvents(string provider)
    {
        using var gate = new SemaphoreSlim(0);
        await using var app = await TraceFixApp.ForAsync(provider, services: TestAgents.Scripted(stepsPerEpisode: 2, gate));
        var http = app.CreateClient();
        await using var hub = app.CreateHubConnection();
        var started = new List<EpisodeStarted>();
        var finished = new List<EpisodeFinished>();
        hub.On<EpisodeStarted>(RunsHubMethods.EpisodeStarted, m => { lock (started) { started.Add(m); } });
        hub.On<EpisodeFinished>(RunsHubMethods.EpisodeFinished, m => { lock (finished) { finished.Add(m); } });
        await hub.StartAsync();

        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy", "task2_medium"]));
        await hub.InvokeAsync(RunsHubMethods.JoinRun, runId);
        gate.Release(100);
        await http.WaitForEndAsync(runId);

        await WaitUntil(() => { lock (finished) { return finished.Count == 2; } });
        lock (started)
        {
            // The first episode may have begun before the join; the second cannot have.
            Assert.Contains(started, m => m.Episode.Index == 1 && m.Episode.TaskName == "binary_search_off_by_one" && m.Episode.OriginalCode.Length > 0);
        }
        Assert.All(finished, m => Assert.Equal(2, m.Episode.StepCount));
        var light = await http.GetFromJsonAsync($"/api/runs/{runId}?steps=false", RunsJsonContext.Default.RunDetail);
        Assert.Equal(4, light!.Run.LastSequence);
        Assert.Equal(2, light.Episodes.Count);
        Assert.All(light.Episodes, e => Assert.Empty(e.Steps));
        var list = await http.GetFromJsonAsync("/api/runs?status=completed", RunsJsonContext.Default.PagedResultRunSummary);
        Assert.Equal(2, Assert.Single(list!.Items).EpisodeCount);
    }

    internal static async Task WaitUntil(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
