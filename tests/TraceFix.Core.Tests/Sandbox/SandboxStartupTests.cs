using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Tests.Sandbox;

public sealed class SandboxStartupTests
{
    [Fact]
    public async Task MissingBubblewrapRefusesToStartWithAnActionableMessage()
    {
        await using var runner = new SandboxTestRunner(new SandboxOptions { BwrapPath = "/nonexistent/bwrap", PoolSize = 1 });

        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => runner.StartAsync());

        Assert.Contains("bubblewrap not found at /nonexistent/bwrap", error.Message);
        Assert.Contains("apt-get install bubblewrap", error.Message);
        Assert.False(runner.IsStarted);
    }

    [Fact]
    public async Task MissingPythonRefusesToStart()
    {
        await using var runner = new SandboxTestRunner(new SandboxOptions { PythonPath = "/nonexistent/python3", PoolSize = 1 });

        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => runner.RunTestsAsync(new("x = 1\n", "def test_x():\n    pass\n", TimeSpan.FromSeconds(5))));

        Assert.Contains("/nonexistent/python3", error.Message);
    }

    [Fact]
    public async Task BrokenSandboxCommandIsReportedNotRunUnconfined()
    {
        // /bin/false stands in for a bubblewrap that cannot create namespaces: it exits at once.
        await using var runner = new SandboxTestRunner(new SandboxOptions { BwrapPath = "/bin/false", SetprivPath = "/bin/false", PoolSize = 1 });

        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => runner.StartAsync());

        Assert.Contains("did not start", error.Message);
    }

    [Fact]
    public async Task UnconfinedDevelopmentModeStillGivesVerdicts()
    {
        var task = TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory()!]).Get("reverse_string_returns_original");
        await using var runner = new SandboxTestRunner(new SandboxOptions { Unconfined = true, PoolSize = 1 });

        var fixedRun = await runner.RunTestsAsync(new(task.FixedCode, task.TestCode, task.Timeout));
        var buggyRun = await runner.RunTestsAsync(new(task.SolutionCode, task.TestCode, task.Timeout));

        Assert.True(fixedRun.AllPassed);
        Assert.True(buggyRun.Passed < buggyRun.Total);
    }
}
