using System.Globalization;
using TraceFix.Cli.Output;
using TraceFix.Cli.Running;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Cli.Commands;

/// <summary>
/// `tracefix eval`: every task of a pack through the in-process environment, the seed's lines per task (in pack
/// order, whatever order the parallel jobs finish in), then a per-task table, `solved N/M` and a table by difficulty.
/// </summary>
public static class EvalCommand
{
    public const string Help = """
        usage: tracefix eval [--tasks DIR] [--agent offline|llm] [--max-steps N] [--jobs N] [--json] [--min-rate R]

        Runs every task of a pack in the in-process environment and reports how many were solved.

          --tasks DIR            the task pack (default: the built-in pack)
          --agent offline|llm    the policy (default: offline, the built-in repair agent)
          --max-steps N          step budget per episode (default: MAX_STEPS or 50)
          --jobs N               episodes run at the same time (default: 1)
          --json                 print the figures (per task, per difficulty, total) as JSON instead of
                                 the seed lines and tables
          --min-rate R           exit with status 1 when fewer than R (0..1) of the tasks are solved

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse("eval", args, ["--help", "--json"], ["--tasks", "--agent", "--max-steps", "--jobs", "--min-rate"]);
        if (parsed.Has("--help"))
        {
            await context.Out.WriteAsync(Help);
            return CliApp.Ok;
        }
        parsed.NoPositionals("eval");
        var settings = InferCommand.Settings(context);
        var maxSteps = parsed.Integer("--max-steps", 1, 10_000) ?? settings.MaxSteps;
        var jobs = parsed.Integer("--jobs", 1, 64) ?? 1;
        var agentKind = parsed.OneOf("--agent", "offline", AgentFactory.Kinds);
        var makeAgent = AgentFactory.For(agentKind, context);
        var json = parsed.Has("--json");
        var minRate = Rate(parsed.Single("--min-rate"));
        var pack = parsed.Single("--tasks") ?? LocalEnvironment.BuiltInPack()
            ?? throw new UsageException("no --tasks DIR given and the built-in task pack was not found");
        if (!Directory.Exists(pack))
        {
            throw new UsageException($"task pack directory '{pack}' does not exist");
        }

        var loaded = TaskPackLoader.LoadPack(pack);
        foreach (var problem in loaded.Errors)
        {
            await context.Error.WriteLineAsync($"tracefix: skipped {problem}");
        }
        if (loaded.Tasks.Count == 0)
        {
            await context.Error.WriteLineAsync($"tracefix: no loadable task in '{pack}'");
            return CliApp.Failure;
        }
        TaskCatalog catalog;
        try
        {
            catalog = new TaskCatalog(loaded.Tasks);
        }
        catch (TaskPackException ex)
        {
            await context.Error.WriteLineAsync($"tracefix: {ex.Message}");
            return CliApp.Failure;
        }

        LocalEnvironment local;
        try
        {
            local = await LocalEnvironment.StartAsync(catalog, maxSteps, jobs, cancellationToken);
        }
        catch (SandboxUnavailableException ex)
        {
            await context.Error.WriteLineAsync($"tracefix: the sandbox is unavailable: {ex.Message}");
            return CliApp.Failure;
        }

        await using (local)
        {
            var results = await RunAllAsync(catalog.All, local, makeAgent, settings, maxSteps, jobs, context, json ? TextWriter.Null : context.Out, cancellationToken);
            var report = new EvalReport(Path.GetFullPath(pack), agentKind, results);
            await context.Out.WriteAsync(json ? report.ToJson() + "\n" : report.ToText());
            if (minRate is { } floor && report.Rate < floor)
            {
                await context.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"tracefix: solved {report.Solved}/{results.Length} ({report.Rate:0.###}), below --min-rate {floor:0.###}"));
                return CliApp.Failure;
            }
        }
        return CliApp.Ok;
    }

    private static double? Rate(string? text)
    {
        if (text is null)
        {
            return null;
        }
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= 0 and <= 1
            ? value
            : throw new UsageException($"option '--min-rate' must be a number from 0 to 1 (got '{text}')");
    }

    private static async Task<PrintedEpisode[]> RunAllAsync(IReadOnlyList<DebugTask> tasks, LocalEnvironment local, Func<IAgent> makeAgent,
        InferenceSettings settings, int maxSteps, int jobs, CliContext context, TextWriter episodes, CancellationToken cancellationToken)
    {
        var results = new PrintedEpisode[tasks.Count];
        var buffers = new StringWriter?[tasks.Count];
        var printed = 0;
        var printLock = new Lock();
        var progress = new ProgressBar(context.Error, context.ErrorIsTerminal, tasks.Count);
        var options = new EpisodeRunOptions { MaxSteps = maxSteps, SuccessThreshold = settings.SuccessThreshold };

        await Parallel.ForEachAsync(Enumerable.Range(0, tasks.Count), new ParallelOptions { MaxDegreeOfParallelism = jobs, CancellationToken = cancellationToken },
            async (i, token) =>
            {
                var buffer = new StringWriter(CultureInfo.InvariantCulture);
                var notes = new StringWriter(CultureInfo.InvariantCulture);
                await using var session = local.NewSession();
                results[i] = await EpisodePrinter.RunAsync(makeAgent(), session, new ResetOptions(TaskName: tasks[i].Name), tasks[i].Name,
                    settings.Benchmark, options, buffer, notes, token);
                results[i] = results[i] with { Difficulty = tasks[i].Difficulty.ToWire() };
                progress.Advance(results[i].Success);
                lock (printLock)
                {
                    buffers[i] = buffer;
                    // Print finished episodes in pack order, as soon as all earlier ones are out.
                    while (printed < tasks.Count && buffers[printed] is { } ready)
                    {
                        progress.Finish();
                        episodes.Write(ready.ToString());
                        episodes.Flush();
                        buffers[printed] = null;
                        printed++;
                    }
                    context.Error.Write(notes.ToString());
                }
            });
        progress.Finish();
        return results;
    }
}
