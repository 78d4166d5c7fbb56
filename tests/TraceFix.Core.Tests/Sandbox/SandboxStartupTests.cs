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

    [Fact]
    public async Task RunThatCannotGetASandboxInTimeFailsClearly()
    {
        await using var runner = new SandboxTestRunner(new SandboxOptions { PoolSize = 1, QueueTimeout = TimeSpan.FromMilliseconds(500) });
        await runner.StartAsync();
        const string tests = "from solution import f\n\ndef test_f():\n    assert f() == 1\n";
        var busy = runner.RunTestsAsync(new("import time\ndef f():\n    time.sleep(30)\n", tests, TimeSpan.FromSeconds(3)));

        var error = await Assert.ThrowsAsync<SandboxUnavailableException>(() => runner.RunTestsAsync(new("def f():\n    return 1\n", tests, TimeSpan.FromSeconds(3))));

        Assert.Contains("no sandbox became free", error.Message);
        Assert.True((await busy).TimedOut);
    }
}
