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
        usage: tracefix eval [--tasks DIR] [--agent offline|llm] [--max-steps N] [--jobs N]

        Runs every task of a pack in the in-process environment and reports how many were solved.

          --tasks DIR            the task pack (default: the built-in pack)
          --agent offline|llm    the policy (default: offline, the built-in repair agent)
          --max-steps N          step budget per episode (default: MAX_STEPS or 50)
          --jobs N               episodes run at the same time (default: 1)

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse("eval", args, ["--help"], ["--tasks", "--agent", "--max-steps", "--jobs"]);
        if (parsed.Has("--help"))
        {
            await context.Out.WriteAsync(Help);
            return CliApp.Ok;
        }
        parsed.NoPositionals("eval");
        var settings = InferCommand.Settings(context);
        var maxSteps = parsed.Integer("--max-steps", 1, 10_000) ?? settings.MaxSteps;
        var jobs = parsed.Integer("--jobs", 1, 64) ?? 1;
        var makeAgent = AgentFactory.For(parsed.OneOf("--agent", "offline", AgentFactory.Kinds), context);
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
            var results = await RunAllAsync(catalog.All, local, makeAgent, settings, maxSteps, jobs, context, cancellationToken);
            await context.Out.WriteAsync(Summary(catalog.All, results));
        }
        return CliApp.Ok;
    }

    private static async Task<PrintedEpisode[]> RunAllAsync(IReadOnlyList<DebugTask> tasks, LocalEnvironment local, Func<IAgent> makeAgent,
        InferenceSettings settings, int maxSteps, int jobs, CliContext context, CancellationToken cancellationToken)
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
                        context.Out.Write(ready.ToString());
                        context.Out.Flush();
                        buffers[printed] = null;
                        printed++;
                    }
                    context.Error.Write(notes.ToString());
                }
            });
        progress.Finish();
        return results;
    }

    internal static string Summary(IReadOnlyList<DebugTask> tasks, IReadOnlyList<PrintedEpisode> results)
    {
        var perTask = new TextTable("task", "difficulty", "solved", "steps", "score");
        foreach (var r in results)
        {
            perTask.Add(r.Task, r.Difficulty ?? "", r.Success ? "yes" : "no", r.Steps.ToString(CultureInfo.InvariantCulture), SeedLog.Fixed(r.Score));
        }
        var byTier = new TextTable("difficulty", "solved", "tasks", "mean steps", "mean score");
        foreach (var tier in Enum.GetValues<Difficulty>())
        {
            var inTier = results.Where(r => r.Difficulty == tier.ToWire()).ToList();
            if (inTier.Count == 0)
            {
                continue;
            }
            byTier.Add(tier.ToWire(), inTier.Count(r => r.Success).ToString(CultureInfo.InvariantCulture), inTier.Count.ToString(CultureInfo.InvariantCulture),
                inTier.Average(r => r.Steps).ToString("0.0", CultureInfo.InvariantCulture), SeedLog.Fixed(inTier.Average(r => r.Score)));
        }
        return $"\n{perTask}\nsolved {results.Count(r => r.Success)}/{results.Count}\n\n{byTier}";
    }
}
