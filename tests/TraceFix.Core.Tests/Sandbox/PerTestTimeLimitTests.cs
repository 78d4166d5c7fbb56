using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>Each test has its own time limit: a hanging test fails alone, the others still run and report.</summary>
[Collection(SandboxCollection.Name)]
public sealed class PerTestTimeLimitTests(SandboxFixture sandbox)
{
    private const string Solution = """
        def search(items, target):
            low, high = 0, len(items) - 1
            while low <= high:
                mid = (low + high) // 2
                if items[mid] == target:
                    return mid
                if items[mid] < target:
                    low = mid          # bug: never moves past mid, so a missing larger target loops forever
                else:
                    high = mid - 1
            return -1

        COUNTER = [0]

        def bump():
            COUNTER[0] += 1
            return COUNTER[0]
        """;

    private const string Tests = """
        from solution import search, bump

        def test_found():
            assert search([1, 3, 5], 3) == 1

        def test_missing_large_hangs():
            assert search([1, 3, 5], 9) == -1

        def test_wrong_answer_after_the_hang():
            assert search([1, 3, 5], 1) == 5

        def test_fresh_process_after_the_hang():
            assert bump() == 1

        def test_missing_small():
            assert search([1, 3, 5], 0) == -1
        """;

    private static readonly TimeSpan TestLimit = TimeSpan.FromSeconds(0.5);

    [Fact]
    public async Task AHangingTestFailsAloneAndTheOthersStillRunAndReport()
    {
        var report = await sandbox.Runner.RunTestsAsync(new TestRunRequest(Solution, Tests, TimeSpan.FromSeconds(10), TestLimit));

        Assert.Equal(5, report.Total);
        Assert.False(report.TimedOut);
        var byName = report.Results.ToDictionary(r => r.TestName);
        Assert.True(byName["test_found"].Passed);
        Assert.Equal("input=search([1, 3, 5], 9), timed out after 0.5 s", byName["test_missing_large_hangs"].ErrorMessage);
        Assert.Equal("input=search([1, 3, 5], 1), expected=5, got=0", byName["test_wrong_answer_after_the_hang"].ErrorMessage);
        Assert.True(byName["test_fresh_process_after_the_hang"].Passed, byName["test_fresh_process_after_the_hang"].ErrorMessage);
        Assert.True(byName["test_missing_small"].Passed, byName["test_missing_small"].ErrorMessage);
        Assert.Equal(3, report.Passed);
    }

    [Fact]
    public async Task HangingTestsBeyondTheRunsLimitAreReportedNotRun()
    {
        const string tests = """
            from solution import search

            def test_hang_1():
                assert search([1], 5) == -1

            def test_hang_2():
                assert search([1], 6) == -1

            def test_hang_3():
                assert search([1], 7) == -1
            """;

        var report = await sandbox.Runner.RunTestsAsync(new TestRunRequest(Solution, tests, TimeSpan.FromSeconds(1.2), TestLimit));

        Assert.Equal(3, report.Total);
        Assert.Equal(0, report.Passed);
        Assert.True(report.TimedOut);
        Assert.Equal("input=search([1], 5), timed out after 0.5 s", report.Results[0].ErrorMessage);
        Assert.Contains(report.Results, r => r.ErrorMessage!.StartsWith("not run: the run's time limit of 1.2 s was reached", StringComparison.Ordinal)
            || r.ErrorMessage.Contains("timed out (the run is limited to 1.2s)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task HangingAtImportFailsEveryTestAtTheTestLimit()
    {
        var report = await sandbox.Runner.RunTestsAsync(new TestRunRequest("while True:\n    pass\n" + Solution, Tests, TimeSpan.FromSeconds(10), TestLimit));

        Assert.Equal(0, report.Passed);
        Assert.All(report.Results, r => Assert.Equal("timed out after 0.5 s while importing solution.py", r.ErrorMessage));
        Assert.True(report.Elapsed < TimeSpan.FromSeconds(8), $"took {report.Elapsed}");
    }

    [Fact]
    public async Task ThePoolServesCorrectRunsRightAfterKilledSolutionProcesses()
    {
        var task = sandbox.Tasks.Get("binary_search_off_by_one");
        for (var i = 0; i < sandbox.Runner.Options.PoolSize; i++)
        {
            var hanging = await sandbox.Runner.RunTestsAsync(new TestRunRequest(Solution, Tests, TimeSpan.FromSeconds(10), TestLimit));
            Assert.Equal(3, hanging.Passed);
        }

        for (var i = 0; i < 2 * sandbox.Runner.Options.PoolSize; i++)
        {
            var normal = await sandbox.Runner.RunTestsAsync(new TestRunRequest(task.FixedCode, task.TestCode, task.Timeout, task.TestTimeout));
            Assert.True(normal.AllPassed, string.Join("; ", normal.Results.Select(r => r.ErrorMessage)));
        }
    }
}
