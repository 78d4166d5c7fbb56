using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Llm;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tests.Sandbox;
using TraceFix.Testing.Fakes;

namespace TraceFix.Core.Tests.Agents;

/// <summary>The seed's two kill switches, with the real SDK against the fake server and the real environment.</summary>
[Collection(SandboxCollection.Name)]
public sealed class KillSwitchTests(SandboxFixture sandbox)
{
    private async Task<(EpisodeOutcome Outcome, List<EpisodeStep> Steps)> PlayAsync(FakeChatServer server)
    {
        var agent = new LlmAgent(new LlmAgentOptions { ApiBaseUrl = server.ApiBaseUrl, Model = "fake", ApiKey = "k", RetryBaseDelay = TimeSpan.Zero });
        await using var environment = new DebugEnvironment(sandbox.Tasks, sandbox.Runner, new EnvironmentOptions());
        var steps = new List<EpisodeStep>();
        var outcome = await new EpisodeRunner().RunAsync(agent, environment, new ResetOptions(TaskName: "binary_search_off_by_one"),
            new EpisodeRunOptions(), onStep: s =>
            {
                steps.Add(s);
                return ValueTask.CompletedTask;
            });
        return (outcome, steps);
    }

    [Fact]
    public async Task SameActionThreeTimesInARow_EndsTheEpisodeBeforeTheThirdStep()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Action("RUN_TESTS"), ScriptedReply.Action("RUN_TESTS"), ScriptedReply.Action("RUN_TESTS"));

        var (outcome, steps) = await PlayAsync(server);

        Assert.Equal([ActionType.VIEW_CODE, ActionType.RUN_TESTS, ActionType.RUN_TESTS], steps.Select(s => s.Action.ActionType));
        Assert.StartsWith("KILL_SWITCH: RUN_TESTS", outcome.StopReason);
        Assert.Equal((4, 0.0, false), (outcome.Steps, outcome.Score, outcome.Success));
    }

    [Fact]
    public async Task ThreeParseErrorsInARow_EndTheEpisode_AndEachRecoveryStepCarriesTheError()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Action("REPLACE_LINES", start: 9, end: 9, block: "    while low <= high:"));
        server.Responder = _ => ScriptedReply.Text("Sure! Here is my answer: run the tests.");

        var (outcome, steps) = await PlayAsync(server);

        Assert.Equal([ActionType.VIEW_CODE, ActionType.REPLACE_LINES, ActionType.RUN_TESTS, ActionType.RUN_TESTS], steps.Select(s => s.Action.ActionType));
        Assert.All(steps[2..], s => Assert.StartsWith("PARSE_ERROR: ", s.Error));
        Assert.StartsWith("KILL_SWITCH: PARSE_ERROR", outcome.StopReason);
        Assert.Equal(5, outcome.Steps);
    }

    [Fact]
    public async Task AScriptedFix_IsSubmittedAndScored()
    {
        await using var server = await FakeChatServer.StartAsync(
            ScriptedReply.Action("RUN_TESTS"),
            ScriptedReply.Action("REPLACE_LINES", start: 9, end: 9, block: "    while low <= high:"),
            ScriptedReply.Action("RUN_TESTS"),
            ScriptedReply.Action("SUBMIT"));

        var (outcome, steps) = await PlayAsync(server);

        Assert.True(outcome.Success, string.Join(" | ", steps.Select(s => s.Result.Observation.LastExecutionOutput)));
        Assert.Equal(0.98, outcome.Score);
        Assert.All(steps.Skip(1), s => Assert.NotNull(s.Usage));
    }
}
