using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Offline;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Agents;

[Collection(SandboxCollection.Name)]
public sealed class OfflineRepairAgentTests(SandboxFixture sandbox)
{
    private async Task<(EpisodeOutcome Outcome, List<EpisodeStep> Steps)> PlayAsync(string task, int seed = 0)
    {
        await using var environment = new DebugEnvironment(sandbox.Tasks, sandbox.Runner, new EnvironmentOptions());
        var steps = new List<EpisodeStep>();
        var outcome = await new EpisodeRunner().RunAsync(new OfflineRepairAgent(), environment, new ResetOptions(TaskName: task),
            new EpisodeRunOptions { Seed = seed }, onStep: s =>
            {
                steps.Add(s);
                return ValueTask.CompletedTask;
            });
        return (outcome, steps);
    }

    [Theory]
    [InlineData("valid_parentheses_wrong_mapping")]
    [InlineData("binary_search_off_by_one")]
    [InlineData("reverse_string_returns_original")]
    public async Task SolvesTheSeedTasks_WithReasonedSteps(string task)
    {
        var (outcome, steps) = await PlayAsync(task);

        Assert.True(outcome.Success, $"{task}: score {outcome.Score} after {outcome.Steps} steps");
        Assert.InRange(outcome.Steps, 2, 50);
        Assert.Equal(ActionType.SUBMIT, steps[^1].Action.ActionType);
        Assert.All(steps, s => Assert.Matches(@"^Observation: .+ Diagnosis: .+ Plan: .+", s.Action.Thought));
        Assert.Contains(steps, s => s.Action.ActionType == ActionType.REPLACE_LINES);
    }

    [Fact]
    public async Task SameSeed_SameTrajectory()
    {
        var first = await PlayAsync("sum_even_wrong_condition", seed: 3);
        var second = await PlayAsync("sum_even_wrong_condition", seed: 3);

        Assert.Equal(first.Steps.Select(s => s.Action), second.Steps.Select(s => s.Action));
    }

    [Fact]
    public async Task AnEditThatBreaksTheFile_IsRepairedByTheNextEdit_WithoutRunningTheTests()
    {
        await using var environment = new DebugEnvironment(sandbox.Tasks, sandbox.Runner, new EnvironmentOptions());
        var agent = new OfflineRepairAgent();
        var reset = await environment.ResetAsync(new ResetOptions(TaskName: "binary_search_off_by_one"));
        agent.BeginEpisode(new EpisodeContext("binary_search_off_by_one", "medium", reset, 50, 0));
        var run = await environment.StepAsync((await agent.DecideAsync(reset, default)).Action!);
        var edit = (await agent.DecideAsync(run, default)).Action!;
        Assert.Equal(ActionType.REPLACE_LINES, edit.ActionType);

        // Whatever the agent meant, the file now fails to parse: the next decision must be an edit that fixes that.
        var broken = await environment.StepAsync(CodeAction.Replace(edit.StartLine!.Value, edit.StartLine.Value, "    while low <= high"));
        var next = (await agent.DecideAsync(broken, default)).Action!;
        var after = await environment.StepAsync(next);

        Assert.True(broken.Observation.SyntaxError);
        Assert.Equal(ActionType.REPLACE_LINES, next.ActionType);
        Assert.False(after.Observation.SyntaxError);
    }

    [Fact]
    public async Task TheFirstEdit_IsExplainedByTheReplayedEvidence()
    {
        var (_, steps) = await PlayAsync("binary_search_off_by_one");

        var edit = steps.First(s => s.Action.ActionType == ActionType.REPLACE_LINES).Action.Thought;
        Assert.Contains("replayed locally", edit, StringComparison.Ordinal);
        Assert.Contains("binary_search(", edit, StringComparison.Ordinal);
        Assert.Contains("candidate at line", edit, StringComparison.Ordinal);
        Assert.Contains("replace lines", edit, StringComparison.Ordinal);
    }
}
