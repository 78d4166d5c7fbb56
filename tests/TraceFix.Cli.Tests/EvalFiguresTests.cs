using System.Text.Json;

namespace TraceFix.Cli.Tests;

/// <summary>`tracefix eval --json` and `--min-rate`: machine-readable figures and a failing exit status below a floor.</summary>
public sealed class EvalFiguresTests : IDisposable
{
    private readonly DirectoryInfo _pack = Directory.CreateTempSubdirectory("tracefix-cli-figures");

    public EvalFiguresTests()
    {
        var builtIn = Path.Combine(FindRepoRoot(), "tasks");
        foreach (var task in new[] { "binary_search_off_by_one", "lru_cache_wrong_eviction" })
        {
            var target = Directory.CreateDirectory(Path.Combine(_pack.FullName, task)).FullName;
            foreach (var file in Directory.GetFiles(Path.Combine(builtIn, task)))
            {
                File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
            }
        }
    }

    [Fact]
    public async Task Json_GivesPerTaskAndTotalFigures_AndNothingElseOnStdout()
    {
        // Three steps solve nothing; the figures must still add up.
        var run = await CliRun.RunAsync("eval", "--tasks", _pack.FullName, "--max-steps", "3", "--json");

        run.AssertExitCode(0);
        using var doc = JsonDocument.Parse(run.Out);
        var tasks = doc.RootElement.GetProperty("tasks");
        Assert.Equal(["binary_search_off_by_one", "lru_cache_wrong_eviction"], tasks.EnumerateArray().Select(t => t.GetProperty("task").GetString()));
        Assert.All(tasks.EnumerateArray(), t => Assert.InRange(t.GetProperty("steps").GetInt32(), 1, 3));
        var total = doc.RootElement.GetProperty("total");
        Assert.Equal(2, total.GetProperty("tasks").GetInt32());
        Assert.Equal(tasks.EnumerateArray().Count(t => t.GetProperty("solved").GetBoolean()), total.GetProperty("solved").GetInt32());
        Assert.Equal("offline", doc.RootElement.GetProperty("agent").GetString());
        Assert.Equal(1, doc.RootElement.GetProperty("by_difficulty").GetProperty("medium").GetProperty("tasks").GetInt32());
    }

    [Fact]
    public async Task MinRate_ExitsWithOne_WhenTheRateIsBelowIt()
    {
        var run = await CliRun.RunAsync("eval", "--tasks", _pack.FullName, "--max-steps", "1", "--min-rate", "0.5");

        run.AssertExitCode(1);
        Assert.Contains("solved 0/2", run.OutLines);
        Assert.Contains("below --min-rate 0.5", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinRate_Zero_Passes()
    {
        var run = await CliRun.RunAsync("eval", "--tasks", _pack.FullName, "--max-steps", "1", "--min-rate", "0");

        run.AssertExitCode(0);
    }

    [Theory]
    [InlineData("1.5")]
    [InlineData("-0.1")]
    [InlineData("most")]
    public async Task MinRate_OutsideZeroToOne_IsAUsageError(string value)
    {
        var run = await CliRun.RunAsync("eval", "--tasks", _pack.FullName, "--min-rate", value);

        run.AssertExitCode(2);
        Assert.Contains("'--min-rate' must be a number from 0 to 1", run.Error, StringComparison.Ordinal);
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
