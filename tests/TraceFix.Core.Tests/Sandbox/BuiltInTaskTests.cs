using TraceFix.Core.Tasks;

namespace TraceFix.Core.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class BuiltInTaskTests(SandboxFixture sandbox)
{
    public static TheoryData<string> TaskNames()
    {
        var data = new TheoryData<string>();
        foreach (var task in TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory()!]).All)
        {
            data.Add(task.Name);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public async Task ReferenceFixPassesEveryTest(string taskName)
    {
        var report = await sandbox.RunAsync(taskName, sandbox.Tasks.Get(taskName).FixedCode);

        Assert.True(report.AllPassed, string.Join("\n", report.Results.Where(r => !r.Passed).Select(r => $"{r.TestName}: {r.ErrorMessage}")));
        Assert.True(report.Total >= 3);
        Assert.Null(report.ErrorLine);
        Assert.Null(report.Traceback);
    }

    [Theory]
    [MemberData(nameof(TaskNames))]
    public async Task BuggySolutionFailsAtLeastOneTest(string taskName)
    {
        var report = await sandbox.RunAsync(taskName, sandbox.Tasks.Get(taskName).SolutionCode);

        Assert.True(report.Passed < report.Total);
        Assert.False(report.TimedOut);
        Assert.Null(report.SyntaxError);
        Assert.All(report.Results.Where(r => !r.Passed), r => Assert.False(string.IsNullOrWhiteSpace(r.ErrorMessage)));
        Assert.NotNull(report.Traceback);
    }

    [Fact]
    public async Task WrongAnswerIsReportedWithInputExpectedAndGot()
    {
        var report = await sandbox.RunAsync("binary_search_off_by_one", sandbox.Tasks.Get("binary_search_off_by_one").SolutionCode);

        var failure = report.Results.First(r => r.TestName == "test_single_element_found");
        Assert.False(failure.Passed);
        Assert.Equal("input=binary_search([5], 5), expected=0, got=-1", failure.ErrorMessage);
        Assert.Equal(8, report.Total);
        Assert.Equal(5, report.Passed);
    }

    [Fact]
    public async Task ExceptionInSolutionGivesItsLineAndASolutionOnlyTraceback()
    {
        const string code = "def reverse_string(text):\n    helper = None\n    return helper(text)\n";

        var report = await sandbox.RunAsync("reverse_string_returns_original", code);

        Assert.Equal(0, report.Passed);
        Assert.Equal(3, report.ErrorLine);
        Assert.NotNull(report.Traceback);
        Assert.Contains("File \"solution.py\", line 3, in reverse_string", report.Traceback);
        Assert.Contains("TypeError", report.Traceback);
        Assert.DoesNotContain("harness", report.Traceback);
        Assert.DoesNotContain("test_solution", report.Traceback);
        // The call as the harness sent it: arguments are shown by their repr, whatever the test's source wrote.
        Assert.StartsWith("input=reverse_string(''), raised TypeError", report.Results[0].ErrorMessage);
    }

    [Fact]
    public async Task ClassBasedSolutionIsDrivenThroughProxies()
    {
        var report = await sandbox.RunAsync("lru_cache_no_promotion", sandbox.Tasks.Get("lru_cache_no_promotion").FixedCode);

        Assert.True(report.AllPassed);
    }

    [Fact]
    public async Task InPlaceMutationOfArgumentsIsVisibleToTheTests()
    {
        const string tests = "from solution import fill\n\ndef test_fill():\n    items = [3]\n    fill(items)\n    assert items == [3, 1, 2]\n";
        const string code = "def fill(items):\n    items.extend([1, 2])\n";

        var report = await sandbox.Runner.RunTestsAsync(new(code, tests, TimeSpan.FromSeconds(5)));

        Assert.True(report.AllPassed, report.Results[0].ErrorMessage);
    }

    [Fact]
    public async Task PrintedOutputIsCaptured()
    {
        const string code = "print('hello from the solution')\ndef reverse_string(text):\n    print('called with', text)\n    return text[::-1]\n";

        var report = await sandbox.RunAsync("reverse_string_returns_original", code);

        Assert.True(report.AllPassed);
        Assert.Contains("hello from the solution", report.CapturedOutput);
        Assert.Contains("called with stressed", report.CapturedOutput);
    }
}
