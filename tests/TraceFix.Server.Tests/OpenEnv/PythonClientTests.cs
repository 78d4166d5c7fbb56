using System.Text.RegularExpressions;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Tests.OpenEnv;

public sealed class PythonClientTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private string BaseUrl => shared.Server.BaseAddress.ToString().TrimEnd('/');

    [Fact]
    public async Task ClientTestSuite_PassesAgainstTheRealServer()
    {
        var result = await PythonProcess.RunAsync(["-m", "unittest", "discover", "-s", "tests", "-v"],
            new Dictionary<string, string> { ["TRACEFIX_BASE_URL"] = BaseUrl });

        Assert.True(result.ExitCode == 0, result.ToString());
        var ran = Regex.Match(result.StdErr, @"Ran (\d+) tests?");
        Assert.True(ran.Success && int.Parse(ran.Groups[1].Value) >= 7, result.ToString());
        Assert.DoesNotContain("skipped", result.StdErr);
    }

    [Fact]
    public async Task ExampleScript_WithTheReferenceFix_SolvesTheEpisode()
    {
        var fix = Path.Combine(TaskCatalog.FindBuiltInDirectory()!, "binary_search_off_by_one", "fixed.py");

        var result = await PythonProcess.RunAsync(
            ["examples/play_episode.py", "--url", BaseUrl, "--task", "binary_search_off_by_one", "--fix-file", fix]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("[START] task=binary_search_off_by_one difficulty=medium", result.StdOut);
        Assert.Matches(@"\[STEP 2\] action=RUN_TESTS reward=[-+.\d]+ done=False \d+/\d+ passing", result.StdOut);
        Assert.Contains("[STEP 5] action=SUBMIT", result.StdOut);
        Assert.Contains("done=True", result.StdOut);
        Assert.Contains("final_score=0.98", result.StdOut);
    }

    [Fact]
    public async Task ExampleScript_WithoutAFix_SubmitsAFailingEpisode()
    {
        var result = await PythonProcess.RunAsync(["examples/play_episode.py", "--url", BaseUrl, "--difficulty", "easy", "--seed", "11"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("difficulty=easy", result.StdOut);
        Assert.Contains("[STEP 3] action=SUBMIT", result.StdOut);
        Assert.DoesNotContain("final_score=0.98", result.StdOut);
    }
}
