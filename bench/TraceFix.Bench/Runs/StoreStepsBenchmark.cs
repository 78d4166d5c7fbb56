using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Server.Store;

namespace TraceFix.Bench.Runs;

/// <summary>Steps stored per second when each step is its own committed transaction (SQLite file, WAL), as the engine does.</summary>
public sealed class StoreStepsBenchmark : IBenchmark
{
    public string Name => "store-steps";

    public string Description => "steps committed per second, one transaction per step (goal >= 5,000/s); args: [steps=5000] [writers=1]";

    public async Task<int> RunAsync(string[] args)
    {
        var total = args.Length > 0 ? int.Parse(args[0]) : 5000;
        var writers = args.Length > 1 ? int.Parse(args[1]) : 1;
        var folder = Directory.CreateTempSubdirectory("tracefix-store-bench-").FullName;
        try
        {
            var connection = $"Data Source={Path.Combine(folder, "bench.db")}";
            await using var provider = new ServiceCollection()
                .AddPooledDbContextFactory<SqliteTraceFixDb>(db => db.UseSqlite(connection).AddInterceptors(new SqlitePragmas()))
                .BuildServiceProvider();
            var factory = new TraceFixDbFactory<SqliteTraceFixDb>(provider.GetRequiredService<IDbContextFactory<SqliteTraceFixDb>>());
            await using (var db = factory.CreateDbContext())
            {
                await db.Database.MigrateAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
            var store = new RunStore(factory, TimeProvider.System);

            var perWriter = total / writers;
            var prepared = new List<(Guid Run, long Episode)>();
            for (var w = 0; w < writers; w++)
            {
                var runId = Guid.CreateVersion7();
                await store.CreateRunAsync(BenchSteps.Run(runId, 1));
                var episode = BenchSteps.Episode(runId, 0);
                await store.StartEpisodeAsync(episode);
                prepared.Add((runId, episode.Id));
            }
            // Warm-up: the first commits pay for the model and the connection pool.
            await store.AppendStepAsync(BenchSteps.Step(prepared[0].Run, prepared[0].Episode, 1_000_000, 1));

            var latencies = new List<double>[writers];
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(prepared.Select(async (p, w) =>
            {
                latencies[w] = new List<double>(perWriter);
                for (var i = 1; i <= perWriter; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await store.AppendStepAsync(BenchSteps.Step(p.Run, p.Episode, i, i));
                    latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }));
            clock.Stop();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            var stored = perWriter * writers;
            Console.WriteLine($"store-steps: {stored} steps by {writers} writer(s) in {clock.Elapsed.TotalSeconds:F2}s = {stored / clock.Elapsed.TotalSeconds:F0} steps/s (goal >= 5000)");
            Console.WriteLine($"  commit latency: {Percentiles.Describe([.. latencies.SelectMany(l => l)])}");
            // On a shared, overloaded machine wall time mostly measures waiting for a core; CPU time per step does not.
            Console.WriteLine($"  CPU per step: {cpu.TotalMilliseconds * 1000 / stored:F0} us = {stored / cpu.TotalSeconds:F0} steps per CPU-second; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine($"  database size: {new FileInfo(Path.Combine(folder, "bench.db")).Length / 1024} KiB + WAL");
            return 0;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
