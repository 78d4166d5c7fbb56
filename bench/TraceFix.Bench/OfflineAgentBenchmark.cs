using System.Diagnostics;
using System.Globalization;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Offline;
using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Bench;

/// <summary>The offline repair agent over a whole pack: solve rate, steps, wall time per episode and per decision.</summary>
public sealed class OfflineAgentBenchmark : IBenchmark
{
    public string Name => "offline-agent";

    public string Description => "offline repair agent on every task of a pack: solved, steps, episode and decision time [pack=tasks/]";

    public async Task<int> RunAsync(string[] args)
    {
        var pack = args.Length > 0 ? args[0] : TaskCatalog.FindBuiltInDirectory() ?? throw new InvalidOperationException("tasks/ not found");
        var catalog = TaskCatalog.Load([pack]);
        await using var runner = new SandboxTestRunner(new SandboxOptions());
        await runner.StartAsync();

        var solved = 0;
        var steps = new List<int>();
        var decisionMs = new List<double>();
        var total = Stopwatch.StartNew();
        foreach (var task in catalog.All)
        {
            await using var environment = new DebugEnvironment(catalog, runner, new EnvironmentOptions());
            var agent = new TimedAgent(new OfflineRepairAgent(), decisionMs);
            var started = Stopwatch.GetTimestamp();
            var outcome = await new EpisodeRunner().RunAsync(agent, environment, new ResetOptions(TaskName: task.Name), new EpisodeRunOptions());
            solved += outcome.Success ? 1 : 0;
            steps.Add(outcome.Steps);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{task.Name,-36} {(outcome.Success ? "solved" : "failed"),-7} steps {outcome.Steps,2}   score {outcome.Score:F2}   {Stopwatch.GetElapsedTime(started).TotalMilliseconds,7:F0} ms"));
        }
        decisionMs.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"solved {solved}/{catalog.All.Count}   mean steps {steps.Average():F1}   total {total.Elapsed.TotalSeconds:F1} s   decision p50 {decisionMs[decisionMs.Count / 2]:F2} ms   p99 {decisionMs[(int)(decisionMs.Count * 0.99)]:F2} ms"));
        return 0;
    }

    /// <summary>Measures only the agent's own thinking time, not the environment's.</summary>
    private sealed class TimedAgent(IAgent inner, List<double> latencies) : IAgent
    {
        public string Kind => inner.Kind;

        public string Model => inner.Model;

        public void BeginEpisode(EpisodeContext context) => inner.BeginEpisode(context);

        public async ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
        {
            var started = Stopwatch.GetTimestamp();
            var decision = await inner.DecideAsync(current, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return decision;
        }
    }
}
