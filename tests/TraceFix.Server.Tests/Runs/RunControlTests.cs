using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Tests.Runs;

public sealed class RunControlTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Cancel_StopsARunningRun_KeepsItsStepsAndEndsTheStream(string provider)
    {
        using var gate = new SemaphoreSlim(0);
        await using var app = await TraceFixApp.ForAsync(provider, services: TestAgents.Scripted(stepsPerEpisode: 10, gate));
        var http = app.CreateClient();
        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy", "task2_medium"]));
        gate.Release(3);
        await http.WaitForStepsAsync(runId, 3);
        await using var hub = app.CreateHubConnection();
        await hub.StartAsync();
        var watch = hub.WatchAsync(runId, 0);

        var response = await http.PostAsync($"/api/runs/{runId}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = await response.Content.ReadFromJsonAsync(RunsJsonContext.Default.RunSummary);
        Assert.Equal(RunStatus.Cancelled, summary!.Status);
        var detail = await http.DetailAsync(runId);
        Assert.Equal(RunStatus.Cancelled, detail.Run.Status);
        Assert.NotNull(detail.Run.FinishedAt);
        var episode = Assert.Single(detail.Episodes);
        Assert.Equal(EpisodeStatus.Cancelled, episode.Status);
        Assert.Equal([1L, 2, 3], episode.Steps.Select(s => s.Sequence));
        Assert.Equal([1L, 2, 3], (await watch).Select(s => s.Step.Sequence));

        var again = await http.PostAsync($"/api/runs/{runId}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Cancel_AQueuedRun_NeverStartsIt(string provider)
    {
        using var gate = new SemaphoreSlim(0);
        await using var app = await TraceFixApp.ForAsync(provider,
            new Dictionary<string, string?> { ["TraceFix:Runs:MaxConcurrentRuns"] = "1" },
            TestAgents.Scripted(stepsPerEpisode: 2, gate));
        var http = app.CreateClient();
        var blocking = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"]));
        var queued = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"]));
        Assert.Equal(RunStatus.Queued, (await http.DetailAsync(queued)).Run.Status);

        var response = await http.PostAsync($"/api/runs/{queued}/cancel", null);
        gate.Release(100);
        await http.WaitForEndAsync(blocking);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var detail = await http.DetailAsync(queued);
        Assert.Equal(RunStatus.Cancelled, detail.Run.Status);
        Assert.Null(detail.Run.StartedAt);
        Assert.Empty(detail.Episodes);
        Assert.Equal(RunStatus.Completed, (await http.DetailAsync(blocking)).Run.Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Delete_RemovesAFinishedRun_RefusesARunningOne(string provider)
    {
        using var gate = new SemaphoreSlim(0);
        await using var app = await TraceFixApp.ForAsync(provider, services: TestAgents.Scripted(stepsPerEpisode: 2, gate));
        var http = app.CreateClient();
        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"]));

        Assert.Equal(HttpStatusCode.Conflict, (await http.DeleteAsync($"/api/runs/{runId}")).StatusCode);
        gate.Release(100);
        await http.WaitForEndAsync(runId);
        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync($"/api/runs/{runId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.DeleteAsync($"/api/runs/{runId}")).StatusCode);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task HostStop_MarksTheRunInterrupted_AndTheNextStartKeepsItsSteps(string provider)
    {
        using var gate = new SemaphoreSlim(0);
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid runId;
        await using (var first = new TraceFixApp(services: TestAgents.Scripted(stepsPerEpisode: 10, gate), database: database))
        {
            var http = first.CreateClient();
            runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"]));
            gate.Release(4);
            await http.WaitForStepsAsync(runId, 4);
        }

        await using var second = new TraceFixApp(database: database);
        var detail = await second.CreateClient().DetailAsync(runId);
        Assert.Equal(RunStatus.Interrupted, detail.Run.Status);
        var episode = Assert.Single(detail.Episodes);
        Assert.Equal(EpisodeStatus.Interrupted, episode.Status);
        Assert.Equal([1L, 2, 3, 4], episode.Steps.Select(s => s.Sequence));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task StartUp_InterruptsRunsLeftRunning_AndPlaysRunsLeftQueued(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid running = Guid.NewGuid(), queued = Guid.NewGuid();
        // This host polls the queue once a minute and beats its lease heartbeat (which recovers expired runs and wakes the
        // engine) every 100 s only, so the rows below wait for the next process.
        var slow = new Dictionary<string, string?> { ["TraceFix:Runs:PollMilliseconds"] = "60000", ["TraceFix:Runs:LeaseSeconds"] = "300" };
        await using (var first = new TraceFixApp(slow, database: database))
        {
            // What a process killed mid-run leaves behind: rows still saying running/queued, with the steps it committed.
            first.CreateClient();
            var store = first.Services.GetRequiredService<RunStore>();
            var now = DateTimeOffset.UtcNow;
            foreach (var (id, status) in new[] { (running, RunStatus.Running), (queued, RunStatus.Queued) })
            {
                await store.CreateRunAsync(new RunRecord
                {
                    Id = id, Status = status, AgentKind = "offline", Model = "m", TaskSelection = "task1_easy", PlannedTasks = "task1_easy",
                    PlannedEpisodes = 1, MaxSteps = 50, CreatedAt = now,
                });
            }
            var episode = new EpisodeRecord { RunId = running, TaskName = "valid_parentheses_wrong_mapping", Difficulty = "easy", StartedAt = now };
            await store.StartEpisodeAsync(episode);
            await store.AppendStepAsync(new StepRecord { RunId = running, EpisodeId = episode.Id, Sequence = 1, Index = 1, ActionType = "VIEW_CODE", Timestamp = now });
            // Stop the host without its shutdown path touching these rows: the engine never saw them.
        }

        await using var second = new TraceFixApp(database: database);
        var http = second.CreateClient();
        var crashed = await http.DetailAsync(running);
        Assert.Equal(RunStatus.Interrupted, crashed.Run.Status);
        Assert.Equal(EpisodeStatus.Interrupted, Assert.Single(crashed.Episodes).Status);
        Assert.Single(crashed.Episodes[0].Steps);
        // Never started: still in the queue, so the new process plays it.
        Assert.Equal(RunStatus.Completed, (await http.WaitForEndAsync(queued)).Run.Status);
    }
}
