using System.Diagnostics;
using System.Globalization;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Bench;

/// <summary>In-process step throughput of the episode engine over the real sandbox: VIEW_CODE, edit+undo, RUN_TESTS.</summary>
public sealed class EngineStepsBenchmark : IBenchmark
{
    public string Name => "engine-steps";

    public string Description => "DebugEnvironment steps/s in process (VIEW_CODE, REPLACE_LINES+UNDO_EDIT, RUN_TESTS) [seconds=5]";

    public async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var catalog = TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory() ?? throw new InvalidOperationException("tasks/ not found")]);
        await using var runner = new SandboxTestRunner(new SandboxOptions());
        await runner.StartAsync();
        var options = new EnvironmentOptions { MaxSteps = 10_000 };
        await using var environment = new DebugEnvironment(catalog, runner, options);

        await Measure("VIEW_CODE", environment, seconds, () => environment.StepAsync(CodeAction.Of(ActionType.VIEW_CODE)));
        var edit = CodeAction.Replace(9, 9, "while low <= high:");
        var undo = CodeAction.Of(ActionType.UNDO_EDIT);
        var flip = false;
        await Measure("REPLACE_LINES/UNDO_EDIT", environment, seconds, () => environment.StepAsync((flip = !flip) ? edit : undo));
        await Measure("RUN_TESTS", environment, seconds, () => environment.StepAsync(CodeAction.Of(ActionType.RUN_TESTS)));
        return 0;
    }

    private static async Task Measure(string label, DebugEnvironment environment, double seconds, Func<Task<StepResult>> step)
    {
        var latencies = new List<double>();
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started).TotalSeconds < seconds)
        {
            await environment.ResetAsync(new ResetOptions(TaskName: "binary_search_off_by_one"));
            for (var i = 0; i < 1000 && Stopwatch.GetElapsedTime(started).TotalSeconds < seconds; i++)
            {
                var t = Stopwatch.GetTimestamp();
                await step();
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }
        var total = Stopwatch.GetElapsedTime(started).TotalSeconds;
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-24} {latencies.Count / total,10:F0} steps/s   p50 {latencies[latencies.Count / 2]:F3} ms   p99 {latencies[(int)(latencies.Count * 0.99)]:F3} ms   (n={latencies.Count})"));
    }
}
