using System.Diagnostics;
using TraceFix.Bench.Server;
using TraceFix.Server.Store;

namespace TraceFix.Bench.Runs;

/// <summary>
/// Steps stored per second by W concurrent writers (W runs playing at once), each waiting until its step is durable before
/// the next, as the engine does. Figure: the store's group commit (<see cref="RunStore.AppendStepAsync(StepRecord, CancellationToken)"/>).
/// Yardstick, measured right before in the same run: one transaction per step, the store's previous way.
/// `store-steps [--steps 4000] [--writers 1,4,16] [--provider sqlite|postgres] [--connection "Host=...;Username=..."]`.
/// </summary>
public sealed class StoreStepsBenchmark : IBenchmark
{
    private const double Goal = 2.0;

    public string Name => "store-steps";

    public string Description => "durable steps/s: group commit vs one transaction per step, W concurrent writers, SQLite or PostgreSQL (goal >= 2x at W >= 4)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var total = options.GetInt("steps", 4000);
        var writerCounts = (options.Get("writers") ?? "1,4,16").Split(',').Select(int.Parse).ToList();
        await using var database = await BenchDatabase.CreateAsync(options.Get("provider") ?? "sqlite", options.Get("connection"));
        await using var store = new RunStore(database.Factory, TimeProvider.System);
        Console.WriteLine($"store-steps: {database.Description}, {total} steps per measurement, cores {Environment.ProcessorCount}, load {Yardstick.LoadAverage()}");

        // Warm-up: the first commits pay for the model, the statement cache and the connection pool.
        await MeasureAsync(store, 1, 200, (s, step) => s.AppendStepsAsync([step]));
        await MeasureAsync(store, 4, 400, (s, step) => s.AppendStepAsync(step));
        var allMet = true;
        foreach (var writers in writerCounts)
        {
            var single = await MeasureAsync(store, writers, total, (s, step) => s.AppendStepsAsync([step]));
            var grouped = await MeasureAsync(store, writers, total, (s, step) => s.AppendStepAsync(step));
            Console.WriteLine($"  {writers,2} writer(s): one transaction per step {single.PerSecond:F0}/s (p50 {single.P50:F2} ms, p99 {single.P99:F2} ms, " +
                              $"{single.CpuMicroseconds:F0} us CPU/step); group commit {grouped.PerSecond:F0}/s (p50 {grouped.P50:F2} ms, p99 {grouped.P99:F2} ms, " +
                              $"{grouped.CpuMicroseconds:F0} us CPU/step)");
            var met = Yardstick.Report($"store-steps {database.Provider} {writers} writers", grouped.PerSecond, "steps/s",
                "one transaction per step, same writers", single.PerSecond, writers >= 4 ? Goal : 1.0, higherIsBetter: true);
            allMet &= met || writers < 4;
        }
        Console.WriteLine($"goal: group commit >= {Goal}x one transaction per step with 4 or more writers: {(allMet ? "met" : "NOT met")}");
        return 0;
    }

    private sealed record Measurement(double PerSecond, double P50, double P99, double CpuMicroseconds);

    private static async Task<Measurement> MeasureAsync(RunStore store, int writers, int total, Func<RunStore, StepRecord, Task> append)
    {
        var perWriter = Math.Max(1, total / writers);
        var prepared = new List<(Guid Run, long Episode)>();
        for (var w = 0; w < writers; w++)
        {
            var runId = Guid.CreateVersion7();
            await store.CreateRunAsync(BenchSteps.Run(runId, 1));
            var episode = BenchSteps.Episode(runId, 0);
            await store.StartEpisodeAsync(episode);
            prepared.Add((runId, episode.Id));
        }
        var latencies = new Latencies();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(prepared.Select(p => Task.Run(async () =>
        {
            for (var i = 1; i <= perWriter; i++)
            {
                var started = Stopwatch.GetTimestamp();
                await append(store, BenchSteps.Step(p.Run, p.Episode, i, i));
                latencies.Add(Stopwatch.GetElapsedTime(started));
            }
        })));
        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var stored = perWriter * writers;
        return new Measurement(stored / clock.Elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99), cpu.TotalMilliseconds * 1000 / stored);
    }
}
