using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Server.Hosting;

namespace TraceFix.Server.Tests.Hosting;

public sealed class CoreStartupTests
{
    private static WebApplicationFactory<Program> Host(params (string Key, string Value)[] settings) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        });

    [Fact]
    public async Task Start_WithAnExtraPack_ServesItsTasksThroughTheRealSandbox()
    {
        var pack = Directory.CreateTempSubdirectory("tracefix-pack-").FullName;
        try
        {
            var task = Directory.CreateDirectory(Path.Combine(pack, "triple_wrong_factor")).FullName;
            File.WriteAllText(Path.Combine(task, "task.json"),
                """{"name": "triple_wrong_factor", "difficulty": "easy", "title": "Triple", "description": "Return three times x."}""");
            File.WriteAllText(Path.Combine(task, "solution.py"), "def triple(x):\n    return x * 2\n");
            File.WriteAllText(Path.Combine(task, "fixed.py"), "def triple(x):\n    return x * 3\n");
            File.WriteAllText(Path.Combine(task, "test_solution.py"), "from solution import triple\n\n\ndef test_two():\n    assert triple(2) == 6\n");
            await using var host = Host(("tasks", pack), ("TraceFix:Environment:MaxSteps", "7"));

            var factory = host.Services.GetRequiredService<DebugEnvironmentFactory>();
            await using var environment = factory.Create();
            var reset = await environment.ResetAsync(new ResetOptions(TaskName: "triple_wrong_factor"));
            var run = await environment.StepAsync(CodeAction.Of(ActionType.RUN_TESTS));

            Assert.Equal(17, factory.Catalog.All.Count);
            Assert.Equal(7, reset.Observation.StepsRemaining);
            Assert.StartsWith("Tests Passed: 0/1.", run.Observation.LastExecutionOutput);
        }
        finally
        {
            Directory.Delete(pack, recursive: true);
        }
    }

    [Fact]
    public async Task Start_WithoutAnyTask_ExitsWithConfigurationError()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(["--TraceFix:IncludeBuiltInTasks=false"]);

        Assert.Equal(HostExit.ConfigurationError, exitCode);
        Assert.Contains("FTL] TraceFix cannot start", output);
        Assert.Contains("No task could be loaded", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task Start_UnconfinedOutsideDevelopment_ExitsWithSandboxUnavailable()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(["--TraceFix:Sandbox:Unconfined=true"]);

        Assert.Equal(HostExit.SandboxUnavailable, exitCode);
        Assert.Contains("TraceFix cannot start: the sandbox is unusable", output);
        Assert.Contains("allowed only in the Development environment (this is Production)", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task Start_MissingBubblewrap_ExitsWithSandboxUnavailable()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(["--TraceFix:Sandbox:BwrapPath=/nonexistent/bwrap"]);

        Assert.Equal(HostExit.SandboxUnavailable, exitCode);
        Assert.Contains("bubblewrap not found at /nonexistent/bwrap", output);
        Assert.DoesNotContain("Now listening", output);
    }

    [Fact]
    public async Task Start_InvalidEnvironmentOptions_ExitsWithConfigurationError()
    {
        var (exitCode, output) = await ServerProcess.RunUntilExitAsync(["--TraceFix:Environment:MaxSteps=0"]);

        Assert.Equal(HostExit.ConfigurationError, exitCode);
        Assert.Contains("TraceFix:Environment:MaxSteps: must be between 1 and 10000", output);
    }
}
