using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Llm;
using TraceFix.Testing.Fakes;

namespace TraceFix.Core.Tests.Agents;

/// <summary>With a live-text sink the LLM agent streams the reply through the real SDK and still records the whole call.</summary>
public sealed class LiveTextTests
{
    private static readonly StepResult Failing = Observations.Result("Tests Passed: 1/3.", Observations.Code);

    private static LlmAgent Create(FakeChatServer server, List<LiveText> seen)
    {
        var agent = new LlmAgent(new LlmAgentOptions { ApiBaseUrl = server.ApiBaseUrl, Model = "fake-model", ApiKey = "k", RetryBaseDelay = TimeSpan.Zero });
        agent.BeginEpisode(new EpisodeContext("t", null, Failing, 50, 0));
        agent.LiveText = seen.Add;
        return agent;
    }

    [Fact]
    public async Task StreamedReply_ArrivesInPieces_ForTheStepItBecomes_AndIsRecordedWhole()
    {
        var reply = ScriptedReply.Action("RUN_TESTS") with { PromptTokens = 120, CompletionTokens = 30, StreamPieceLength = 5 };
        await using var server = await FakeChatServer.StartAsync(reply);
        var seen = new List<LiveText>();
        var agent = Create(server, seen);
        await agent.DecideAsync(Failing, default);

        var decision = await agent.DecideAsync(Failing, default);

        Assert.Equal(ActionType.RUN_TESTS, decision.Action!.ActionType);
        Assert.True(server.Requests.Single().Body.GetProperty("stream").GetBoolean());
        Assert.True(seen[0].Restart);
        Assert.All(seen, piece => Assert.Equal(2, piece.Step));
        Assert.True(seen.Count > 3, $"{seen.Count} pieces");
        Assert.Equal(reply.Content, string.Concat(seen.Select(p => p.Text)));
        var call = Assert.Single(decision.Exchange!.Calls);
        Assert.Equal((reply.Content, "stop", 120, 30), (call.Response, call.FinishReason, call.PromptTokens, call.CompletionTokens));
        Assert.Equal(new AgentUsage(120, 30, decision.Usage!.LatencyMs, 1), decision.Usage);
    }

    [Fact]
    public async Task UnusableStreamedAnswer_RestartsTheTextForThePlainFallback()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Text("not json"), ScriptedReply.Action("SUBMIT"));
        var seen = new List<LiveText>();
        var agent = Create(server, seen);
        await agent.DecideAsync(Failing, default);

        var decision = await agent.DecideAsync(Failing, default);

        Assert.Equal(ActionType.SUBMIT, decision.Action!.ActionType);
        Assert.Equal(2, seen.Count(p => p.Restart));
        var afterRestart = seen.Skip(seen.FindLastIndex(p => p.Restart));
        Assert.Equal(ScriptedReply.ActionText("SUBMIT", "Observation: o. Diagnosis: d. Plan: p.", null, null, null), string.Concat(afterRestart.Select(p => p.Text)));
    }

    [Fact]
    public async Task WithoutASink_TheAgentDoesNotStream()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Action("RUN_TESTS"));
        var agent = new LlmAgent(new LlmAgentOptions { ApiBaseUrl = server.ApiBaseUrl, Model = "fake-model", ApiKey = "k" });
        agent.BeginEpisode(new EpisodeContext("t", null, Failing, 50, 0));
        await agent.DecideAsync(Failing, default);

        await agent.DecideAsync(Failing, default);

        Assert.False(server.Requests.Single().Body.TryGetProperty("stream", out var stream) && stream.GetBoolean());
    }
}
