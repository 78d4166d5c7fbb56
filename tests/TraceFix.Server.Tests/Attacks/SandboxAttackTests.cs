using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Tests.Attacks;

/// <summary>
/// Every hostile program of <see cref="AttackCatalog"/> through the real bubblewrap sandbox. None may score more than the
/// plain buggy code, print a breach, reach the host's bait, or leave the pool unable to pass a correct solution.
/// </summary>
public sealed class SandboxAttackTests
{
    private static readonly DebugTask Target = TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory()!]).Get(AttackCatalog.Task);

    public static TheoryData<Attack> Attacks() => [.. AttackCatalog.All];

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task HostileProgram_GainsNothing_AndTheHostStaysHealthy(Attack attack)
    {
        using var host = new AttackHost();
        var baseline = await RunAsync(AttackCatalog.Buggy);

        // Some attacks leave something behind for a later run, so they run several times (reaching every slot of the pool).
        for (var round = 0; round < attack.Repeat; round++)
        {
            var report = await RunAsync(host.Render(attack), TimeSpan.FromSeconds(attack.TimeoutSeconds));

            Assert.True(report.Passed <= baseline.Passed, $"{attack.Name} scored {report.Passed}/{report.Total}; the buggy code scores {baseline.Passed}");
            Assert.False(report.AllPassed);
            if (attack.Category == "forgery")
            {
                Assert.Equal(0, report.Passed);
            }
            host.AssertUntouched(report.CapturedOutput + report.Traceback + string.Join("\n", report.Results.Select(r => r.ErrorMessage)));
        }
        var normal = await RunAsync(Target.FixedCode);
        Assert.True(normal.AllPassed, $"after {attack.Name} the reference fix scored {normal.Passed}/{normal.Total}: {normal.Results.FirstOrDefault(r => !r.Passed)?.ErrorMessage}");
    }

    private static Task<TestRunReport> RunAsync(string code, TimeSpan? timeout = null) =>
        SharedSandbox.Runner.RunTestsAsync(new TestRunRequest(code, Target.TestCode, timeout ?? Target.Timeout));
}

/// <summary>The suite's detectors can fail: a program that only prints a breach, and a real host connection, are both caught.</summary>
public sealed class AttackDetectorTests
{
    [Fact]
    public async Task APrintedBreach_IsSeenInTheCapturedOutput()
    {
        var task = TaskCatalog.Load([TaskCatalog.FindBuiltInDirectory()!]).Get(AttackCatalog.Task);
        var report = await SharedSandbox.Runner.RunTestsAsync(new TestRunRequest(
            AttackCatalog.Buggy + "print('BREACH control', flush=True)\n", task.TestCode, task.Timeout));
        using var host = new AttackHost();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => host.AssertUntouched(report.CapturedOutput));
    }

    [Fact]
    public void AConnectionToTheBait_IsSeen()
    {
        using var host = new AttackHost();
        var port = int.Parse(System.Text.RegularExpressions.Regex.Match(host.Render(AttackCatalog.All.Single(a => a.Name == "loopback-to-the-host-port")),
            @"connect\(\(host, (\d+)\)\)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        using var client = new System.Net.Sockets.TcpClient();
        client.Connect(System.Net.IPAddress.Loopback, port);
        Thread.Sleep(200);
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => host.AssertUntouched(""));
    }
}
