using System.Net.Http.Json;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Tests.Runs;

public sealed class CrashRecoveryTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ServerKilledMidRun_NextStartMarksTheRunInterrupted_AndKeepsEveryCommittedStep(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Guid runId;
        long seenBeforeKill;
        await using (var first = await ServerChild.StartAsync(database))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            // Long enough (every task ten times) that it cannot finish between the last look and the kill.
            var tasks = (await http.GetFromJsonAsync("/api/tasks", RunsJsonContext.Default.ListTaskSummary))!.Select(t => t.Name).ToList();
            runId = await http.StartAsync(new StartRunRequest("offline", Tasks: [.. Enumerable.Repeat(tasks, 10).SelectMany(t => t)], Seed: 5));
            await http.WaitForStepsAsync(runId, 3);
            var before = await http.DetailAsync(runId);
            Assert.Equal(RunStatus.Running, before.Run.Status);
            seenBeforeKill = before.Run.LastSequence;
            await first.KillAsync();
        }

        await using var second = await ServerChild.StartAsync(database);
        using var client = new HttpClient { BaseAddress = second.BaseAddress };
        var detail = await client.WaitForEndAsync(runId);

        Assert.Equal(RunStatus.Interrupted, detail.Run.Status);
        Assert.NotNull(detail.Run.FinishedAt);
        var steps = detail.Episodes.SelectMany(e => e.Steps).Select(s => s.Sequence).ToList();
        Assert.True(steps.Count >= seenBeforeKill, $"{steps.Count} steps stored, {seenBeforeKill} seen before the kill");
        Assert.Equal(Enumerable.Range(1, steps.Count).Select(i => (long)i), steps);
        // The kill may land inside an episode (then it is interrupted) or between two (then none is).
        Assert.All(detail.Episodes.Take(detail.Episodes.Count - 1), e => Assert.Equal(EpisodeStatus.Completed, e.Status));
        Assert.Contains(detail.Episodes[^1].Status, new[] { EpisodeStatus.Interrupted, EpisodeStatus.Completed });
        await Eventually.TrueAsync(() => second.Output.Contains("interrupted", StringComparison.OrdinalIgnoreCase), "no log line names the interrupted run");
        var list = await client.GetFromJsonAsync("/api/runs?status=interrupted", RunsJsonContext.Default.PagedResultRunSummary);
        Assert.Equal(runId, Assert.Single(list!.Items).Id);
    }
}
