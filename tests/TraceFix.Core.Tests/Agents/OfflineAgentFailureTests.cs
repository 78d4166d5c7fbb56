using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Offline;
using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Agents;

/// <summary>What the offline agent does when its own machinery fails or the code under repair misbehaves.</summary>
[Collection(SandboxCollection.Name)]
public sealed class OfflineAgentFailureTests(SandboxFixture sandbox) : IDisposable
{
    private readonly DirectoryInfo _pack = Directory.CreateTempSubdirectory("tracefix-agent-pack");

    public void Dispose() => _pack.Delete(recursive: true);

    private async Task<(EpisodeOutcome Outcome, List<EpisodeStep> Steps)> PlayAsync(IAgent agent, TaskCatalog tasks, string task)
    {
        await using var environment = new DebugEnvironment(tasks, sandbox.Runner, new EnvironmentOptions());
        var steps = new List<EpisodeStep>();
        var outcome = await new EpisodeRunner().RunAsync(agent, environment, new ResetOptions(TaskName: task), new EpisodeRunOptions(),
            onStep: s =>
            {
                steps.Add(s);
                return ValueTask.CompletedTask;
            });
        return (outcome, steps);
    }

    [Fact]
    public async Task AnEngineThatCannotStart_EndsTheEpisodeWithASubmitThatSaysWhy()
    {
        var agent = new OfflineRepairAgent(sandbox: new SandboxOptions { BwrapPath = "/nonexistent/bwrap" });

        var (outcome, steps) = await PlayAsync(agent, sandbox.Tasks, "binary_search_off_by_one");

        Assert.Null(outcome.StopReason);
        Assert.Equal(ActionType.SUBMIT, steps[^1].Action.ActionType);
        Assert.Contains("gave no answer", steps[^1].Action.Thought, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnExceptionInsideTheAgent_EndsTheEpisodeWithAClearError_NotACrash()
    {
        var agent = new OfflineRepairAgent(sandbox: new SandboxOptions { Unconfined = true, PythonPath = "/nonexistent/python3" });

        var (outcome, _) = await PlayAsync(agent, sandbox.Tasks, "binary_search_off_by_one");

        Assert.False(outcome.Success);
        Assert.StartsWith("offline agent error: ", outcome.StopReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CodeThatHangsAndFloodsOutput_IsCutOffInTheLocalRuns_AndStillRepaired()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_pack.FullName, "countdown_never_stops"));
        File.WriteAllText(Path.Combine(dir.FullName, "task.json"), """
            {"name": "countdown_never_stops", "difficulty": "easy", "title": "Countdown", "description": "countdown(n) lists n, n-1, ..., 1.",
             "entry": "solution.py", "tests": "test_solution.py", "timeout_s": 3}
            """);
        const string Fixed = "def countdown(n):\n    out = []\n    while n > 0:\n        print(\"tick\" * 200)\n        out.append(n)\n        n -= 1\n    return out\n";
        File.WriteAllText(Path.Combine(dir.FullName, "fixed.py"), Fixed);
        File.WriteAllText(Path.Combine(dir.FullName, "solution.py"), Fixed.Replace("n > 0", "n != 0", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(dir.FullName, "test_solution.py"),
            "from solution import countdown\n\n\ndef test_three():\n    assert countdown(3) == [3, 2, 1]\n\n\ndef test_negative():\n    assert countdown(-2) == []\n");
        var tasks = TaskCatalog.Load([_pack.FullName]);

        var (outcome, steps) = await PlayAsync(new OfflineRepairAgent(), tasks, "countdown_never_stops");

        Assert.True(outcome.Success, string.Join("\n", steps.Select(s => s.Action.Thought)));
        Assert.Null(outcome.StopReason);
    }
}
