namespace TraceFix.Core.Tests.Sandbox;

[Collection(SandboxCollection.Name)]
public sealed class ConcurrencyTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task ParallelRunsOfDifferentTasksGetTheirOwnVerdicts()
    {
        var tasks = sandbox.Tasks.All.Take(8).ToList();
        var runs = tasks.SelectMany(t => new[]
        {
            (Task: t, Fixed: true, Run: sandbox.RunAsync(t.Name, t.FixedCode)),
            (Task: t, Fixed: false, Run: sandbox.RunAsync(t.Name, t.SolutionCode)),
        }).ToList();

        await Task.WhenAll(runs.Select(r => r.Run));

        Assert.Equal(16, runs.Count);
        foreach (var (task, isFixed, run) in runs)
        {
            var report = await run;
            var expectedTotal = TraceFix.Core.Sandbox.ReportBuilder.TestNames(task.TestCode).Count;
            Assert.Equal(expectedTotal, report.Total);
            Assert.Equal(isFixed, report.AllPassed);
        }
    }

    [Fact]
    public async Task CancelledCallerDoesNotBreakThePool()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var task = sandbox.Tasks.Get("binary_search_off_by_one");
        const string slow = "import time\ndef binary_search(items, target):\n    time.sleep(10)\n";

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => sandbox.Runner.RunTestsAsync(new(slow, task.TestCode, TimeSpan.FromSeconds(20)), cts.Token));

        var after = await sandbox.RunAsync(task.Name, task.FixedCode);
        Assert.True(after.AllPassed);
    }
}
