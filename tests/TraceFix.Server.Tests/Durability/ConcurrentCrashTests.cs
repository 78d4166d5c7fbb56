using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR.Client;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Tests.Runs;

namespace TraceFix.Server.Tests.Durability;

/// <summary>
/// Extends the single-run crash test: ten runs play at once, a viewer streams every one of them over the hub, the server
/// is killed with SIGKILL, restarted on the same database, and every step a viewer received must be stored, unchanged,
/// with every run interrupted or completed.
/// </summary>
public sealed class ConcurrentCrashTests
{
    private const int Runs = 10;

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task KillDuringTenConcurrentRuns_KeepsEveryStreamedStep_AndEndsEveryRun(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var streamed = new ConcurrentDictionary<(Guid Run, long Sequence), StepDto>();
        var runIds = new List<Guid>();
        await using (var first = await ServerChild.StartAsync(database, new Dictionary<string, string>
        {
            ["TraceFix__Runs__MaxConcurrentRuns"] = Runs.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }))
        {
            using var http = new HttpClient { BaseAddress = first.BaseAddress };
            for (var i = 0; i < Runs; i++)
            {
                runIds.Add(await http.StartAsync(new StartRunRequest("offline", Difficulty: "all", Seed: 10 + i)));
            }
            await using var hub = new HubConnectionBuilder().WithUrl(new Uri(first.BaseAddress, RunsHubMethods.Path)).Build();
            await hub.StartAsync();
            using var stop = new CancellationTokenSource();
            var watchers = runIds.Select(id => Task.Run(async () =>
            {
                try
                {
                    await foreach (var item in hub.StreamAsync<StepRecorded>(RunsHubMethods.WatchRun, id, 0L, stop.Token))
                    {
                        streamed[(id, item.Step.Sequence)] = item.Step;
                    }
                }
                catch (Exception)
                {
                    // The server is killed under the stream.
                }
            })).ToList();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(120));
            while (runIds.Any(id => !streamed.Keys.Any(k => k.Run == id && k.Sequence >= 2)))
            {
                await Task.Delay(100, limit.Token);
            }
            await first.KillAsync();
            await Task.WhenAll(watchers).WaitAsync(TimeSpan.FromSeconds(30));
        }

        await using var second = await ServerChild.StartAsync(database);
        using var client = new HttpClient { BaseAddress = second.BaseAddress };
        var lost = new List<string>();
        foreach (var id in runIds)
        {
            var detail = await client.WaitForEndAsync(id);
            Assert.Contains(detail.Run.Status, new[] { RunStatus.Interrupted, RunStatus.Completed });
            Assert.All(detail.Episodes, e => Assert.NotEqual(EpisodeStatus.Running, e.Status));
            var stored = detail.Episodes.SelectMany(e => e.Steps).ToDictionary(s => s.Sequence);
            Assert.Equal(Enumerable.Range(1, stored.Count).Select(i => (long)i), stored.Keys.Order());
            foreach (var ((run, sequence), step) in streamed.Where(s => s.Key.Run == id))
            {
                if (!stored.TryGetValue(sequence, out var kept) || kept.Thought != step.Thought || kept.CodeSnapshot != step.CodeSnapshot)
                {
                    lost.Add($"{run}#{sequence}");
                }
            }
        }
        Assert.True(streamed.Count >= 2 * Runs);
        Assert.Empty(lost);
    }
}
