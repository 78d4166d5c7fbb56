using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Proves at start-up that the runner can execute a test end to end. A runner that cannot is treated exactly like a missing
/// sandbox: the server does not start rather than accept work it cannot confine.
/// </summary>
internal static class RunnerSelfTest
{
    private const string Solution = "def probe(value):\n    return value * 2\n";
    private const string Tests = "from solution import probe\n\n\ndef test_probe():\n    assert probe(21) == 42\n";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(ITestRunner runner, CancellationToken cancellationToken)
    {
        TestRunReport report;
        try
        {
            report = await runner.RunTestsAsync(new TestRunRequest(Solution, Tests, Timeout), cancellationToken);
        }
        catch (SandboxUnavailableException)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SandboxUnavailableException($"the start-up self-test failed: {ex.Message}", ex);
        }
        if (report is not { Passed: 1, Total: 1, TimedOut: false, SyntaxError: null })
        {
            throw new SandboxUnavailableException(
                $"the start-up self-test should pass 1/1 test but reported {report.Passed}/{report.Total}" +
                (report.TimedOut ? " (timed out)" : "") + $"; output: {report.CapturedOutput} {report.Traceback}".TrimEnd());
        }
    }
}
