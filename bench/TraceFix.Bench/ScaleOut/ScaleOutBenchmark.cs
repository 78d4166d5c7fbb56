using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TraceFix.Bench.Runs;
using TraceFix.Bench.Server;
using TraceFix.Contracts.Runs;

namespace TraceFix.Bench.ScaleOut;

/// <summary>
/// One instance against two on the same PostgreSQL and Redis, in one run: the same batch of offline runs is queued
/// through instance a; every run is watched live through the last instance. Figures: stored steps/s, completed
/// runs/min, and hub latency (receipt − step timestamp) for a viewer on another instance than the one playing the
/// run. The one-instance phase is the yardstick of the two-instance phase.
/// </summary>
public sealed class ScaleOutBenchmark : IBenchmark
{
    private static readonly string[] Tasks = ["task1_easy", "task2_medium", "task3_hard", "binary_search_off_by_one"];

    public string Name => "scale-out";

    public string Description => "1 vs 2 instances on one PostgreSQL + Redis: steps/s, runs/min, cross-instance hub p95; args: [--runs 16] [--concurrent 2]";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var runs = options.GetInt("runs", 16);
        var concurrent = options.GetInt("concurrent", 2);
        var root = FindRoot();
        await using var services = await BenchServices.StartAsync(root);
        var one = await PhaseAsync(services, "tracefix_bench_one", 1, runs, concurrent);
        var two = await PhaseAsync(services, "tracefix_bench_two", 2, runs, concurrent);
        Console.WriteLine($"scale-out: {runs} offline runs of {Tasks.Length} episodes, MaxConcurrentRuns={concurrent} per instance, {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        foreach (var (label, phase) in new[] { ("1 instance ", one), ("2 instances", two) })
        {
            Console.WriteLine($"  {label}: {phase.Steps / phase.Seconds,8:F1} stored steps/s  {phase.Runs / phase.Seconds * 60,7:F1} completed runs/min  " +
                $"runs per instance {string.Join("/", phase.PerInstance)}");
            Console.WriteLine($"    hub latency, viewer on {(phase.Instances == 1 ? "the same" : "the other")} instance: {phase.Latency}");
        }
        Console.WriteLine($"  ratio 2/1: steps/s x{two.Steps / two.Seconds / (one.Steps / one.Seconds):F2}, runs/min x{two.Runs / two.Seconds / (one.Runs / one.Seconds):F2}");
        return one.Runs == runs && two.Runs == runs ? 0 : 1;
    }

    private static async Task<Phase> PhaseAsync(BenchServices services, string database, int instances, int runs, int concurrent)
    {
        var connection = await services.CreateDatabaseAsync(database);
        var servers = new List<BenchServer>();
        try
        {
            for (var i = 0; i < instances; i++)
            {
                servers.Add(await BenchServer.StartAsync(null, new Dictionary<string, string>
                {
                    ["TraceFix:Database:Provider"] = "postgres",
                    ["ConnectionStrings:TraceFix"] = connection,
                    ["ConnectionStrings:Redis"] = services.Redis,
                    ["TraceFix:Instance:Name"] = $"bench-{(char)('a' + i)}",
                    ["TraceFix:Runs:MaxConcurrentRuns"] = concurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["TraceFix:Runs:PollMilliseconds"] = "200",
                    ["TraceFix:Security:RunStartsPerWindow"] = "0",
                    ["TraceFix:Logging:File"] = "false",
                }));
            }
            using var http = new HttpClient { BaseAddress = servers[0].Address };
            await using var hub = new HubConnectionBuilder().WithUrl(new Uri(servers[^1].Address, RunsHubMethods.Path)).Build();
            await hub.StartAsync();
            var latencies = new ConcurrentDictionary<Guid, ConcurrentBag<double>>();
            var clock = Stopwatch.StartNew();
            var ids = new List<Guid>();
            for (var i = 0; i < runs; i++)
            {
                var response = await http.PostAsJsonAsync("/api/runs", new StartRunRequest("offline", Tasks: Tasks, Seed: i), RunsJsonContext.Default.StartRunRequest);
                ids.Add((await response.Content.ReadFromJsonAsync(RunsJsonContext.Default.RunAccepted))!.RunId);
            }
            var watchers = ids.Select(async id =>
            {
                var bag = latencies.GetOrAdd(id, _ => []);
                await foreach (var item in hub.StreamAsync<StepRecorded>(RunsHubMethods.WatchRun, id, 0L))
                {
                    bag.Add((DateTimeOffset.UtcNow - item.Step.Timestamp).TotalMilliseconds);
                }
            }).ToList();
            await Task.WhenAll(watchers);
            var steps = 0L;
            var completed = 0;
            var finished = DateTimeOffset.MinValue;
            foreach (var id in ids)
            {
                var detail = (await http.GetFromJsonAsync($"/api/runs/{id}", RunsJsonContext.Default.RunDetail))!;
                steps += detail.Run.LastSequence;
                completed += detail.Run.Status == RunStatus.Completed ? 1 : 0;
            }
            var seconds = clock.Elapsed.TotalSeconds;
            var claims = await BenchServices.ClaimsAsync(connection);
            var viewer = $"bench-{(char)('a' + instances - 1)}";
            // Live samples only: a step stored before the viewer subscribed measures the wait, not the feed.
            var remote = ids.Where(id => instances == 1 || claims.GetValueOrDefault(id) != viewer)
                .SelectMany(id => latencies[id]).Where(ms => ms < 10_000).ToList();
            var perInstance = Enumerable.Range(0, instances).Select(i => claims.Values.Count(c => c == $"bench-{(char)('a' + i)}")).ToList();
            return new Phase(instances, steps, completed, seconds, remote.Count > 0 ? Percentiles.Describe(remote) : "no samples", perInstance);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("TraceFix.Web.sln not found");
    }

    private sealed record Phase(int Instances, long Steps, int Runs, double Seconds, string Latency, List<int> PerInstance);
}
