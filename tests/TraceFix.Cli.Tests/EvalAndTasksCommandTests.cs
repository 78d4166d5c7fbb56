namespace TraceFix.Cli.Tests;

public sealed class EvalAndTasksCommandTests : IDisposable
{
    private static readonly string BuiltIn = Path.Combine(FindRepoRoot(), "tasks");
    private readonly DirectoryInfo _pack = Directory.CreateTempSubdirectory("tracefix-cli-pack");

    [Fact]
    public async Task Eval_RunsEveryTask_InPackOrder_AndSummarisesByDifficulty()
    {
        Copy("binary_search_off_by_one");
        Copy("reverse_string_returns_original");

        var run = await CliRun.RunAsync("eval", "--tasks", _pack.FullName, "--jobs", "2");

        Assert.True(run.ExitCode == 0 && run.OutLines.Contains("solved 2/2"), run.Out + run.Error);
        Assert.Equal(["[START] task=reverse_string_returns_original env=tracefix_rl model=tracefix-offline-repair", "[START] task=binary_search_off_by_one env=tracefix_rl model=tracefix-offline-repair"],
            run.OutLines.Where(l => l.StartsWith("[START]", StringComparison.Ordinal)));
        SeedLines.AssertAllSeedShaped(run.OutLines.Where(l => l.StartsWith('[')));
        Assert.Contains("solved 2/2", run.OutLines);
        Assert.Contains(run.OutLines, l => l.StartsWith("easy ", StringComparison.Ordinal) && l.Contains(" 1      1 ", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("medium ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Eval_RespectsMaxSteps()
    {
        Copy("lru_cache_wrong_eviction");

        var run = await CliRun.RunAsync("eval", "--tasks", _pack.FullName, "--max-steps", "3");

        run.AssertExitCode(0);
        var end = Assert.Single(run.OutLines, l => l.StartsWith("[END]", StringComparison.Ordinal));
        Assert.Matches(@"steps=[1-3] ", end);
        Assert.Contains("solved 0/1", run.OutLines);
    }

    [Fact]
    public async Task TasksList_ShowsTheBuiltInPackWithIds()
    {
        var run = await CliRun.RunAsync("tasks", "list");

        run.AssertExitCode(0);
        Assert.Equal(["name", "id", "difficulty", "title"], run.OutLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(run.OutLines, l => l.StartsWith("binary_search_off_by_one", StringComparison.Ordinal) && l.Contains("task2_medium", StringComparison.Ordinal));
        Assert.Equal("16 tasks", run.OutLines[^1]);
    }

    [Fact]
    public async Task TasksValidate_FlagsBadTasks_WithMessagesNotStackTraces()
    {
        Copy("sum_even_wrong_condition");
        var unfixable = Copy("word_count_no_lower", "word_count_copy");
        File.WriteAllText(Path.Combine(unfixable, "task.json"), File.ReadAllText(Path.Combine(unfixable, "task.json")).Replace("word_count_no_lower", "word_count_copy"));
        File.Copy(Path.Combine(unfixable, "solution.py"), Path.Combine(unfixable, "fixed.py"), overwrite: true);
        var broken = Directory.CreateDirectory(Path.Combine(_pack.FullName, "broken_manifest")).FullName;
        File.WriteAllText(Path.Combine(broken, "task.json"), "{ \"name\": \"broken\", ");

        var run = await CliRun.RunAsync("tasks", "validate", _pack.FullName);

        run.AssertExitCode(1);
        Assert.Contains(run.OutLines, l => l.StartsWith("sum_even_wrong_condition", StringComparison.Ordinal) && l.EndsWith("ok", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("word_count_copy", StringComparison.Ordinal) && l.Contains("INVALID: the fix fails", StringComparison.Ordinal));
        Assert.Contains(run.OutLines, l => l.StartsWith("broken_manifest", StringComparison.Ordinal) && l.Contains("task.json is not valid JSON", StringComparison.Ordinal));
        Assert.Equal("2 of 3 tasks invalid", run.OutLines[^1]);
        Assert.DoesNotContain("   at ", run.Out + run.Error);
    }

    [Fact]
    public async Task TasksValidate_AcceptsTheBuiltInPack()
    {
        var run = await CliRun.RunAsync("tasks", "validate", BuiltIn);

        run.AssertExitCode(0);
        Assert.Equal("all 16 tasks valid", run.OutLines[^1]);
    }

    private string Copy(string task, string? as_ = null)
    {
        var target = Path.Combine(_pack.FullName, as_ ?? task);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(Path.Combine(BuiltIn, task)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
        return target;
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("repository root not found");
    }

    public void Dispose() => _pack.Delete(recursive: true);
}
