using System.Globalization;
using TraceFix.Cli.Output;
using TraceFix.Cli.Running;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Cli.Commands;

/// <summary>`tracefix tasks list` and `tracefix tasks validate`.</summary>
public static class TasksCommand
{
    public const string Help = """
        usage: tracefix tasks list [--tasks DIR]...
               tracefix tasks validate <DIR>

          list       the tasks of the built-in pack and of each extra pack: name, id, difficulty, title
          validate   check a pack in the sandbox: the reference fix passes every test within the task's time
                     limits, the buggy code fails at least one (hanging counts as failing: each test has its
                     own limit, test_timeout_s); exits 1 if any task is invalid

        """;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        switch (args.FirstOrDefault())
        {
            case "list":
                return await ListAsync(args.Skip(1).ToList(), context);
            case "validate":
                return await ValidateAsync(args.Skip(1).ToList(), context, cancellationToken);
            case "--help" or "-h" or "help":
                await context.Out.WriteAsync(Help);
                return CliApp.Ok;
            case null:
                throw new UsageException("'tasks' needs a subcommand: list or validate");
            default:
                throw new UsageException($"unknown subcommand 'tasks {args[0]}' (use list or validate)");
        }
    }

    private static async Task<int> ListAsync(IReadOnlyList<string> args, CliContext context)
    {
        var parsed = Arguments.Parse("tasks list", args, ["--help", "--no-builtin"], ["--tasks"]);
        if (parsed.Has("--help"))
        {
            await context.Out.WriteAsync(Help);
            return CliApp.Ok;
        }
        parsed.NoPositionals("tasks list");
        var packs = new List<string>();
        if (!parsed.Has("--no-builtin") && LocalEnvironment.BuiltInPack() is { } builtIn)
        {
            packs.Add(builtIn);
        }
        foreach (var extra in parsed.All("--tasks"))
        {
            if (!Directory.Exists(extra))
            {
                throw new UsageException($"task pack directory '{extra}' does not exist");
            }
            packs.Add(extra);
        }
        if (packs.Count == 0)
        {
            throw new UsageException("the built-in task pack was not found; name a pack with --tasks DIR");
        }

        var tasks = new List<DebugTask>();
        var errors = new List<TaskLoadError>();
        foreach (var pack in packs.Select(Path.GetFullPath).Distinct())
        {
            var loaded = TaskPackLoader.LoadPack(pack);
            tasks.AddRange(loaded.Tasks);
            errors.AddRange(loaded.Errors);
        }
        var table = new TextTable("name", "id", "difficulty", "title");
        foreach (var task in tasks.OrderBy(t => t.Difficulty).ThenBy(t => t.Name, StringComparer.Ordinal))
        {
            table.Add(task.Name, task.Id ?? "-", task.Difficulty.ToWire(), task.Title);
        }
        await context.Out.WriteAsync(table.ToString());
        await context.Out.WriteLineAsync($"{tasks.Count} task{(tasks.Count == 1 ? "" : "s")}");
        foreach (var error in errors)
        {
            await context.Error.WriteLineAsync($"tracefix: could not load {error}");
        }
        return errors.Count == 0 ? CliApp.Ok : CliApp.Failure;
    }

    private static async Task<int> ValidateAsync(IReadOnlyList<string> args, CliContext context, CancellationToken cancellationToken)
    {
        var parsed = Arguments.Parse("tasks validate", args, ["--help"], []);
        if (parsed.Has("--help"))
        {
            await context.Out.WriteAsync(Help);
            return CliApp.Ok;
        }
        var dir = parsed.Positionals switch
        {
            [var one] => one,
            [] => throw new UsageException("'tasks validate' needs the pack directory: tracefix tasks validate <DIR>"),
            _ => throw new UsageException($"'tasks validate' takes one directory (got {parsed.Positionals.Count})"),
        };
        if (!Directory.Exists(dir))
        {
            throw new UsageException($"task pack directory '{dir}' does not exist");
        }

        var loaded = TaskPackLoader.LoadPack(dir);
        if (loaded.Tasks.Count == 0 && loaded.Errors.Count == 0)
        {
            await context.Error.WriteLineAsync($"tracefix: no task directories (with {TaskPackLoader.ManifestFile}) in '{dir}'");
            return CliApp.Failure;
        }

        var rows = new List<ValidationRow>();
        rows.AddRange(loaded.Errors.Select(e => new ValidationRow(Path.GetFileName(e.Directory), "-", "-", "-", "-", e.Message)));
        if (loaded.Tasks.Count > 0)
        {
            SandboxTestRunner runner;
            try
            {
                runner = new SandboxTestRunner(new SandboxOptions { PoolSize = Math.Min(2, Environment.ProcessorCount) });
                await runner.StartAsync(cancellationToken);
            }
            catch (SandboxUnavailableException ex)
            {
                await context.Error.WriteLineAsync($"tracefix: the sandbox is unavailable: {ex.Message}");
                return CliApp.Failure;
            }
            await using (runner)
            {
                foreach (var task in loaded.Tasks)
                {
                    rows.Add(await TaskValidator.CheckAsync(task, runner, cancellationToken));
                }
            }
            var names = loaded.Tasks.GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => g.Key);
            foreach (var duplicate in names)
            {
                rows.Add(new ValidationRow(duplicate, "-", "-", "-", "-", "duplicate task name in this pack"));
            }
        }

        var table = new TextTable("task", "difficulty", "fixed", "buggy", "time", "result");
        foreach (var row in rows.OrderBy(r => r.Task, StringComparer.Ordinal))
        {
            table.Add(row.Task, row.Difficulty, row.Fixed, row.Buggy, row.Time, row.Problem is null ? "ok" : "INVALID: " + row.Problem);
        }
        await context.Out.WriteAsync(table.ToString());
        var invalid = rows.Count(r => r.Problem is not null);
        await context.Out.WriteLineAsync(invalid == 0
            ? $"all {rows.Count} task{(rows.Count == 1 ? "" : "s")} valid"
            : $"{invalid} of {rows.Count} task{(rows.Count == 1 ? "" : "s")} invalid");
        return invalid == 0 ? CliApp.Ok : CliApp.Failure;
    }
}

/// <summary>One line of the validation table; <see cref="Problem"/> is null for a valid task.</summary>
public sealed record ValidationRow(string Task, string Difficulty, string Fixed, string Buggy, string Time, string? Problem);

/// <summary>
/// Checks one task through the real sandbox: the fix passes everything in time, the buggy code fails something. Buggy code
/// that hangs is a valid task (an infinite loop is a common bug): its hanging tests fail at their own limit.
/// </summary>
public static class TaskValidator
{
    public static async Task<ValidationRow> CheckAsync(DebugTask task, ITestRunner runner, CancellationToken cancellationToken)
    {
        var fixedRun = await runner.RunTestsAsync(new TestRunRequest(task.FixedCode, task.TestCode, task.Timeout, task.TestTimeout), cancellationToken);
        var buggyRun = await runner.RunTestsAsync(new TestRunRequest(task.SolutionCode, task.TestCode, task.Timeout, task.TestTimeout), cancellationToken);
        var problems = new List<string>();
        if (fixedRun.Total == 0 || buggyRun.Total == 0)
        {
            problems.Add("the tests define no test_ functions (or do not import)");
        }
        if (fixedRun.TimedOut)
        {
            problems.Add($"the fix exceeded the run's {task.Timeout.TotalSeconds:0.#} s limit");
        }
        if (fixedRun.SyntaxError is { } syntax)
        {
            problems.Add($"the fix does not parse ({syntax.Describe().Split('\n')[0]})");
        }
        else if (!fixedRun.AllPassed && !fixedRun.TimedOut && fixedRun.Total > 0)
        {
            var failed = fixedRun.Results.FirstOrDefault(r => !r.Passed);
            problems.Add($"the fix fails {fixedRun.Total - fixedRun.Passed} test(s){(failed is null ? "" : $", e.g. {failed.TestName}: {Short(failed.ErrorMessage)}")}");
        }
        if (buggyRun.AllPassed)
        {
            problems.Add("the buggy code passes every test, so there is nothing to debug");
        }
        var slowest = fixedRun.Elapsed > buggyRun.Elapsed ? fixedRun.Elapsed : buggyRun.Elapsed;
        return new ValidationRow(task.Name, task.Difficulty.ToWire(), Count(fixedRun), Count(buggyRun),
            slowest.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s", problems.Count == 0 ? null : string.Join("; ", problems));
    }

    private static string Count(TestRunReport report)
    {
        if (report.SyntaxError is not null)
        {
            return "syntax";
        }
        var hung = report.Results.Count(r => !r.Passed && r.ErrorMessage is { } m && m.Contains("timed out", StringComparison.Ordinal));
        return $"{report.Passed}/{report.Total}" + (hung > 0 ? $" ({hung} hung)" : "");
    }

    private static string Short(string? text)
    {
        var flat = (text ?? "").ReplaceLineEndings(" ").Trim();
        return flat.Length <= 100 ? flat : flat[..97] + "...";
    }
}
