using System.Diagnostics;
using System.Globalization;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Offline;
using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Bench;

/// <summary>
/// The offline repair agent over whole packs (by default tasks/, tasks-heldout/ and tasks-heldout-2/): solve rate,
/// steps per solved task and the agent's own compute per step (engine runs included, the environment's work not).
/// </summary>
public sealed class OfflineAgentBenchmark : IBenchmark
{
    private static readonly string[] DefaultPacks = ["tasks", "tasks-heldout", "tasks-heldout-2"];

    public string Name => "offline-agent";

    public string Description =>
        "offline repair agent on every task of each pack: solve rate, steps per solved task, agent compute per step [packs=tasks tasks-heldout tasks-heldout-2]";

    public async Task<int> RunAsync(string[] args)
    {
        var packs = args.Length > 0
            ? args.Select(Path.GetFullPath).ToList()
            : DefaultPacks.Select(p => Path.Combine(BenchPaths.RepositoryRoot(), p)).Where(Directory.Exists).ToList();
        await using var runner = new SandboxTestRunner(new SandboxOptions());
        await runner.StartAsync();

        var figures = new List<PackFigures>();
        foreach (var pack in packs)
        {
            figures.Add(await RunPackAsync(pack, runner));
        }
        Console.WriteLine();
        Console.WriteLine($"{"pack",-18} {"solved",9} {"rate",5}  {"easy",6} {"medium",6} {"hard",6}  {"steps/solved (median, mean)",28}  {"compute/step ms (mean, p50, p99, max)",38}");
        foreach (var f in figures)
        {
            Console.WriteLine(f.Summary());
        }
        return 0;
    }

    private static async Task<PackFigures> RunPackAsync(string pack, SandboxTestRunner runner)
    {
        var catalog = TaskCatalog.Load([pack]);
        var figures = new PackFigures(Path.GetFileName(pack.TrimEnd(Path.DirectorySeparatorChar)));
        Console.WriteLine($"== {figures.Name} ({catalog.All.Count} tasks)");
        foreach (var task in catalog.All)
        {
            await using var environment = new DebugEnvironment(catalog, runner, new EnvironmentOptions());
            var stepMs = new List<double>();
            var agent = new TimedAgent(new OfflineRepairAgent(), stepMs);
            var started = Stopwatch.GetTimestamp();
            var outcome = await new EpisodeRunner().RunAsync(agent, environment, new ResetOptions(TaskName: task.Name), new EpisodeRunOptions());
            figures.Add(task.Difficulty.ToString().ToLowerInvariant(), outcome.Success, outcome.Steps, stepMs);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{task.Name,-36} {(outcome.Success ? "solved" : "failed"),-7} steps {outcome.Steps,2}   score {outcome.Score:F2}   {Stopwatch.GetElapsedTime(started).TotalMilliseconds,7:F0} ms   compute/step {(stepMs.Count == 0 ? 0 : stepMs.Average()),6:F0} ms"));
        }
        return figures;
    }

    /// <summary>What one pack gave: per difficulty solved/total, steps of solved episodes, compute of every decision.</summary>
    private sealed class PackFigures(string name)
    {
        private readonly Dictionary<string, (int Solved, int Total)> _byDifficulty = [];
        private readonly List<int> _solvedSteps = [];
        private readonly List<double> _stepMs = [];
        private int _solved;
        private int _total;

        public string Name => name;

        public void Add(string difficulty, bool success, int steps, IEnumerable<double> stepMs)
        {
            var (s, t) = _byDifficulty.GetValueOrDefault(difficulty);
            _byDifficulty[difficulty] = (s + (success ? 1 : 0), t + 1);
            _total++;
            if (success)
            {
                _solved++;
                _solvedSteps.Add(steps);
            }
            _stepMs.AddRange(stepMs);
        }

        public string Summary()
        {
            string Tier(string d) => _byDifficulty.TryGetValue(d, out var v) ? $"{v.Solved}/{v.Total}" : "-";
            var steps = _solvedSteps.Order().ToList();
            var ms = _stepMs.Order().ToList();
            var rate = _total == 0 ? 0 : 100.0 * _solved / _total;
            return string.Create(CultureInfo.InvariantCulture,
                $"{name,-18} {$"{_solved}/{_total}",9} {rate,4:F0}%  {Tier("easy"),6} {Tier("medium"),6} {Tier("hard"),6}  {$"{Median(steps):F1}, {(steps.Count == 0 ? 0 : steps.Average()):F1}",28}  {$"{(ms.Count == 0 ? 0 : ms.Average()):F0}, {Percentile(ms, 0.5):F0}, {Percentile(ms, 0.99):F0}, {(ms.Count == 0 ? 0 : ms[^1]):F0}",38}");
        }

        private static double Median(List<int> sorted) => sorted.Count == 0 ? 0
            : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2.0;

        private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(sorted.Count * p))];
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
