using System.Globalization;
using TraceFix.Bench.Server;

namespace TraceFix.Bench;

/// <summary>
/// Resident memory of the Release server idle after start (fresh SQLite file, sandbox pool warm), against the bare minimal
/// API of bench/TraceFix.Ceiling started the same way right after. `idle-memory [--settle 5] [--env NAME=VALUE]...`.
/// </summary>
public sealed class IdleMemoryBenchmark : IBenchmark
{
    private const double GoalMb = 150;

    public string Name => "idle-memory";

    public string Description => "idle server RSS after start (goal <= 150 MB) vs a bare ASP.NET Core app";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var settle = TimeSpan.FromSeconds(options.GetInt("settle", 5));
        var folder = Directory.CreateTempSubdirectory("tracefix-idle-").FullName;
        var sample = Path.Combine(folder, "response.json");
        await File.WriteAllTextAsync(sample, """{"observation":{},"reward":null,"done":false}""");
        try
        {
            long serverKb;
            await using (var server = await BenchServer.StartAsync(null, new Dictionary<string, string>
            {
                ["ConnectionStrings:TraceFix"] = $"Data Source={Path.Combine(folder, "idle.db")}",
                ["TraceFix:Logging:Directory"] = Path.Combine(folder, "logs"),
            }, options.Environment()))
            {
                await Task.Delay(settle);
                serverKb = ProcessMemory.RssKb(server.ProcessId);
                Console.WriteLine($"server idle: RSS {serverKb / 1024} MB, {ProcessMemory.Threads(server.ProcessId)} threads");
            }
            await using var ceiling = await BenchServer.StartCeilingAsync(sample);
            await Task.Delay(settle);
            var ceilingKb = ProcessMemory.RssKb(ceiling.ProcessId);
            Console.WriteLine($"bare minimal API idle: RSS {ceilingKb / 1024} MB, {ProcessMemory.Threads(ceiling.ProcessId)} threads");
            Yardstick.Report("idle RSS", serverKb / 1024.0, "MB", "bare minimal API idle", ceilingKb / 1024.0, GoalMb / (ceilingKb / 1024.0), higherIsBetter: false);
            var met = serverKb / 1024.0 <= GoalMb;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"goal: idle RSS <= {GoalMb} MB: {(met ? "met" : "NOT met")}"));
            return met ? 0 : 1;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
