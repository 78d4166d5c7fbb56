using System.Diagnostics;
using System.Globalization;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Bench;

/// <summary>
/// RUN_TESTS latency on the seed tasks through the warm sandbox pool, against a yardstick measured in the same run: a cold
/// `/usr/bin/python3 -I -S -c pass` (machines of this kind differ 5-10x in process start from day to day, so only the ratio
/// compares across runs). Also a cold sandbox per run, and the pool's recovery after killed solution processes.
/// `run-tests [warmRuns=300] [coldRuns=min(warm,30)]`.
/// </summary>
public sealed class RunTestsBenchmark : IBenchmark
{
    private static readonly string[] SeedTasks = ["valid_parentheses_wrong_mapping", "binary_search_off_by_one", "reverse_string_returns_original"];

    public string Name => "run-tests";

    public string Description => "RUN_TESTS latency on the seed tasks (warm pool) as a ratio to a cold python3 start; cold sandbox; recovery after a hang";

    public async Task<int> RunAsync(string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            Console.Error.WriteLine("the sandbox benchmark needs Linux");
            return 2;
        }
        var warmRuns = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 300;
        var coldRuns = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : Math.Min(warmRuns, 30);
        var catalog = TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory() ?? throw new InvalidOperationException("tasks/ not found")]);
        var options = new SandboxOptions();
        await using var runner = new SandboxTestRunner(options);
        await runner.StartAsync();
        using var harness = HarnessFiles.Extract();
        var coldCommand = SandboxCommand.Create(options, harness, SandboxProbe.RunningAsRoot());

        Console.WriteLine($"pool size {options.PoolSize}, {warmRuns} warm and {coldRuns} cold runs per task, {Environment.ProcessorCount} cores");
        Console.WriteLine($"defences: {runner.Defences?.Describe()}");
        // Warm-up across all tasks first: JIT tiering in the host and each zygote's compiled-tests cache settle here.
        for (var i = 0; i < 100; i++)
        {
            foreach (var name in SeedTasks)
            {
                await runner.RunTestsAsync(Request(catalog.Get(name)));
            }
        }
        var yardstickBefore = await MeasureAsync(coldRuns, ColdPythonAsync);
        Console.WriteLine($"{"task",-34} {"mode",-5} {"runs",5} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"mean ms",8}");
        var allWarm = new List<double>();
        var allCold = new List<double>();
        foreach (var name in SeedTasks)
        {
            var task = catalog.Get(name);
            var request = Request(task);
            var warm = await MeasureAsync(warmRuns, async () => Check(await runner.RunTestsAsync(request), name));
            var cold = await MeasureAsync(coldRuns, () => ColdRunAsync(coldCommand, request, name));
            allWarm.AddRange(warm);
            allCold.AddRange(cold);
            Print(name, "warm", warm);
            Print(name, "cold", cold);
        }
        var yardstick = yardstickBefore.Concat(await MeasureAsync(coldRuns, ColdPythonAsync)).ToList();
        Print("all seed tasks", "warm", allWarm);
        Print("all seed tasks", "cold", allCold);
        Print("python3 -I -S -c pass", "cold", yardstick);
        var floor = Percentile(yardstick, 0.50);
        Console.WriteLine();
        Console.WriteLine($"{"figure",-40} {"value ms",9} {"yardstick ms",13} {"ratio",7} {"goal",7}");
        Ratio("RUN_TESTS warm p50", Percentile(allWarm, 0.50), floor, 0.5);
        Ratio("RUN_TESTS warm p99", Percentile(allWarm, 0.99), floor, 1.5);
        Ratio("RUN_TESTS cold sandbox p50", Percentile(allCold, 0.50), floor, null);
        Console.WriteLine("(yardstick: p50 of a cold `/usr/bin/python3 -I -S -c pass`, measured before and after the runs above)");
        await RecoveryAsync(catalog, options, floor, Math.Max(10, warmRuns / 30));
        return 0;
    }

    /// <summary>
    /// A run whose test hangs has its solution process killed at the test's limit; the slot must serve the next run at
    /// once. A pool of ONE slot makes any lost slot or slow recovery show up directly in the next run's latency.
    /// </summary>
    private static async Task RecoveryAsync(TaskCatalog catalog, SandboxOptions options, double floor, int rounds)
    {
        await using var single = new SandboxTestRunner(options with { PoolSize = 1 });
        await single.StartAsync();
        var task = catalog.Get("binary_search_off_by_one");
        var normal = Request(task);
        var hang = new TestRunRequest("def binary_search(items, target):\n    while True:\n        pass\n", task.TestCode, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(0.2));
        for (var i = 0; i < 20; i++)
        {
            await single.RunTestsAsync(normal);
        }
        var steady = await MeasureAsync(rounds, async () => Check(await single.RunTestsAsync(normal), task.Name));
        var afterHang = new List<double>();
        var hangRuns = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var hung = await single.RunTestsAsync(hang);
            hangRuns.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            if (hung.Results.Count(r => r.ErrorMessage?.Contains("timed out after 0.2 s", StringComparison.Ordinal) == true) == 0)
            {
                throw new InvalidOperationException("the hanging run did not time out per test: " + string.Join("; ", hung.Results.Select(r => r.ErrorMessage)));
            }
            afterHang.AddRange(await MeasureAsync(1, async () => Check(await single.RunTestsAsync(normal), task.Name)));
        }
        Console.WriteLine();
        Console.WriteLine($"recovery, pool of 1 slot, {rounds} rounds: each test of a hanging solution times out at 0.2 s and its process is killed");
        Print("steady state (normal runs)", "warm", steady);
        Print("hanging run (all tests hang)", "warm", hangRuns);
        Print("the next run after a hanging run", "warm", afterHang);
        Ratio("next run after a hang p50 / steady p50", Percentile(afterHang, 0.50), Percentile(steady, 0.50), null);
        Ratio("next run after a hang p99", Percentile(afterHang, 0.99), floor, 1.5);
    }

    private static TestRunRequest Request(DebugTask task) => new(task.SolutionCode, task.TestCode, task.Timeout, task.TestTimeout);

    private static async Task ColdPythonAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("/usr/bin/python3", ["-I", "-S", "-c", "pass"]) { UseShellExecute = false })!;
        await process.WaitForExitAsync();
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

    private static void Print(string task, string mode, List<double> times) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{task,-34} {mode,-5} {times.Count,5} {Percentile(times, 0.50),8:0.00} {Percentile(times, 0.95),8:0.00} {Percentile(times, 0.99),8:0.00} {times.Average(),8:0.00}"));

    private static void Ratio(string figure, double value, double yardstick, double? goal) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{figure,-40} {value,9:0.00} {yardstick,13:0.00} {value / yardstick,7:0.00} {(goal is { } g ? $"<= {g:0.0#}" : "-"),7}"));

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
