using System.Text.RegularExpressions;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Runs a hostile solution.py (a failing program plus an attack) through the real sandbox and asserts what every attack
/// must leave true: it does not score as passing, no text matches the pass markers, it returned within its limits, and
/// the pool then serves correct normal runs.
/// </summary>
public sealed partial class HostileRun(SandboxFixture sandbox)
{
    public const string Task = "binary_search_off_by_one";

    public const string Buggy = """
        def binary_search(items, target):
            low, high = 0, len(items) - 1
            while low < high:
                mid = (low + high) // 2
                if items[mid] == target:
                    return mid
                if items[mid] < target:
                    low = mid + 1
                else:
                    high = mid - 1
            return -1

        """;

    public async Task<TestRunReport> RunAsync(string code, TimeSpan? timeout = null, string? tests = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        var report = tests is null
            ? await sandbox.RunAsync(Task, code, limit)
            : await sandbox.Runner.RunTestsAsync(new TestRunRequest(code, tests, limit));

        Assert.True(report.Passed < report.Total, $"a hostile solution scored {report.Passed}/{report.Total}");
        Assert.False(report.AllPassed);
        Assert.True(report.Elapsed < limit + sandbox.Runner.Options.HostTimeoutMargin + TimeSpan.FromSeconds(15), $"the run took {report.Elapsed}");
        var everything = report.CapturedOutput + report.Traceback + string.Join("\n", report.Results.Select(r => r.ErrorMessage));
        Assert.DoesNotMatch(PassCount(), everything);
        Assert.DoesNotContain("SUCCESS: ALL TESTS PASSED", everything, StringComparison.OrdinalIgnoreCase);
        await AssertPoolServesNormalRunsAsync();
        return report;
    }

    public async Task AssertPoolServesNormalRunsAsync()
    {
        var task = sandbox.Tasks.Get(Task);
        for (var i = 0; i < sandbox.Runner.Options.PoolSize; i++)
        {
            var fixedRun = await sandbox.Runner.RunTestsAsync(new(task.FixedCode, task.TestCode, task.Timeout));
            Assert.True(fixedRun.AllPassed, "the pool did not recover: " + string.Join("; ", fixedRun.Results.Select(r => r.ErrorMessage)));
        }
    }

    [GeneratedRegex(@"Tests Passed:\s*(\d+)\s*/\s*(\d+)")]
    private static partial Regex PassCount();

    [GeneratedRegex(@"forked (\d+)")]
    public static partial Regex ForkedCount();
}
