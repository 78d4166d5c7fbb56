using System.Diagnostics;
using System.Globalization;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Bench;

/// <summary>
/// RUN_TESTS latency on the seed tasks: the warm sandbox pool against a cold sandbox (a fresh bwrap + python3 process
/// doing the same harness work) for every run. `run-tests [warmRuns] [coldRuns]`.
/// </summary>
public sealed class RunTestsBenchmark : IBenchmark
{
    private static readonly string[] SeedTasks = ["valid_parentheses_wrong_mapping", "binary_search_off_by_one", "reverse_string_returns_original"];

    public string Name => "run-tests";

    public string Description => "RUN_TESTS latency on the seed tasks: warm sandbox pool vs a cold sandboxed python3 per run";

    public async Task<int> RunAsync(string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("the sandbox benchmark needs Linux");
            return 2;
        }
        var warmRuns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var coldRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Math.Min(warmRuns, 100);
        var catalog = TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory() ?? throw new InvalidOperationException("tasks/ not found")]);
        var options = new SandboxOptions();
        await using var runner = new SandboxTestRunner(options);
        await runner.StartAsync();
        using var harness = HarnessFiles.Extract();
        var coldCommand = SandboxCommand.Create(options, harness, SandboxProbe.RunningAsRoot());

        Console.WriteLine($"pool size {options.PoolSize}, {warmRuns} warm and {coldRuns} cold runs per task, {Environment.ProcessorCount} cores");
        Console.WriteLine($"{"task",-34} {"mode",-5} {"runs",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"mean ms",8} {"speed-up (p50)",15}");
        // Warm-up across all tasks first: JIT tiering in the host and each zygote's compiled-tests cache settle here.
        for (var i = 0; i < 100; i++)
        {
            foreach (var name in SeedTasks)
            {
                var task = catalog.Get(name);
                await runner.RunTestsAsync(new TestRunRequest(task.SolutionCode, task.TestCode, task.Timeout));
            }
        }
        var allWarm = new List<double>();
        var allCold = new List<double>();
        foreach (var name in SeedTasks)
        {
            var task = catalog.Get(name);
            var request = new TestRunRequest(task.SolutionCode, task.TestCode, task.Timeout);
            var warm = await MeasureAsync(warmRuns, async () => Check(await runner.RunTestsAsync(request), name));
            var cold = await MeasureAsync(coldRuns, () => ColdRunAsync(coldCommand, request, name));
            allWarm.AddRange(warm);
            allCold.AddRange(cold);
            Print(name, "warm", warm, null);
            Print(name, "cold", cold, Percentile(cold, 0.50) / Percentile(warm, 0.50));
        }
        Print("all seed tasks", "warm", allWarm, null);
        Print("all seed tasks", "cold", allCold, Percentile(allCold, 0.50) / Percentile(allWarm, 0.50));
        Console.WriteLine($"goal: warm p50 <= 3 ms, p99 <= 15 ms, >= 10x faster than cold");
        return 0;
    }

    private static async Task ColdRunAsync(ProcessStartInfo command, TestRunRequest request, string name)
    {
        var pool = new SandboxPool(() => command, 1);
        var slot = await pool.StartReadySlotAsync(CancellationToken.None);
        await using (slot)
        {
            var frames = new[]
            {
                SandboxSlot.Encode(new Dictionary<string, object> { ["op"] = "run", ["solution"] = request.SolutionCode, ["timeout"] = request.Timeout.TotalSeconds }),
                SandboxSlot.Encode(new Dictionary<string, object> { ["tests"] = request.TestCode }),
            };
            var reply = await slot.ExchangeAsync(frames, request.Timeout + TimeSpan.FromSeconds(5), CancellationToken.None);
            Check(ReportBuilder.FromReply(reply is null ? null : HarnessReply.Parse(reply), request.TestCode, 1000, request.Timeout, TimeSpan.Zero), name);
        }
    }

    private static void Check(TestRunReport report, string name)
    {
        if (report.Total == 0 || report.Passed >= report.Total)
        {
            throw new InvalidOperationException($"{name}: the buggy solution scored {report.Passed}/{report.Total}");
        }
    }

    private static async Task<List<double>> MeasureAsync(int runs, Func<Task> run)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return times;
    }

    private static void Print(string task, string mode, List<double> times, double? speedUp) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{task,-34} {mode,-5} {times.Count,5} {Percentile(times, 0.50),8:0.00} {Percentile(times, 0.95),8:0.00} {Percentile(times, 0.99),8:0.00} {times.Average(),8:0.00} {(speedUp is { } s ? $"{s:0.0}x" : ""),15}"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
