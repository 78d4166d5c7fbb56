using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Llm;
using TraceFix.Testing.Fakes;

namespace TraceFix.Core.Tests.Agents;

/// <summary>The LLM agent records what it sent and received per step, and never a key.</summary>
public sealed class ModelExchangeTests
{
    private const string Secret = "sk-test-exchange-5ecret";
    private static readonly StepResult Failing = Observations.Result("Tests Passed: 1/3.", Observations.Code);

    private static LlmAgent Create(FakeChatServer server)
    {
        var agent = new LlmAgent(new LlmAgentOptions { ApiBaseUrl = server.ApiBaseUrl, Model = "fake-model", ApiKey = Secret, RetryBaseDelay = TimeSpan.Zero });
        agent.BeginEpisode(new EpisodeContext("t", null, Failing, 50, 0));
        return agent;
    }

    [Fact]
    public async Task FirstModelCall_SendsTheSystemPrompt_LaterCallsOnlyTheirNewMessages()
    {
        await using var server = await FakeChatServer.StartAsync(
            ScriptedReply.Action("RUN_TESTS") with { PromptTokens = 100, CompletionTokens = 20 },
            ScriptedReply.Action("SUBMIT"));
        var agent = Create(server);
        Assert.Null((await agent.DecideAsync(Failing, default)).Exchange);

        var first = (await agent.DecideAsync(Failing, default)).Exchange!;
        var second = (await agent.DecideAsync(Failing, default)).Exchange!;

        Assert.True(first.SystemPromptSent);
        Assert.Equal(["system", "user"], first.Sent.Select(m => m.Role));
        Assert.Equal(0, first.EarlierMessages);
        var call = Assert.Single(first.Calls);
        Assert.Equal(("structured", "stop", 100, 20, 1), (call.Mode, call.FinishReason, call.PromptTokens, call.CompletionTokens, call.Attempts));
        Assert.Contains("RUN_TESTS", call.Response);
        Assert.False(second.SystemPromptSent);
        Assert.Equal(["assistant", "user"], second.Sent.Select(m => m.Role));
        Assert.Equal(2, second.EarlierMessages);
        Assert.Equal("fake-model", second.Model);
    }

    [Fact]
    public async Task UnusableAnswer_RecordsBothCalls_TheParseErrorAndTheRecovery()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Text("no json here"), ScriptedReply.Text("still none"));
        var agent = Create(server);
        await agent.DecideAsync(Failing, default);

        var decision = await agent.DecideAsync(Failing, default);

        var exchange = decision.Exchange!;
        Assert.Equal(["structured", "plain"], exchange.Calls.Select(c => c.Mode));
        Assert.All(exchange.Calls, c => Assert.NotNull(c.Error));
        Assert.Equal("still none", exchange.Calls[1].Response);
        Assert.Equal(decision.ParseError, exchange.ParseError);
        Assert.StartsWith("RUN_TESTS", exchange.Recovery);
    }

    [Fact]
    public async Task Exchange_NeverContainsTheKeyOrAuthorisation()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Action("RUN_TESTS"));
        var agent = Create(server);
        await agent.DecideAsync(Failing, default);

        var exchange = (await agent.DecideAsync(Failing, default)).Exchange!;

        var json = JsonSerializer.Serialize(exchange, RunsJsonContext.Default.ModelExchange);
        Assert.Equal($"Bearer {Secret}", Assert.Single(server.Requests).Authorization);
        Assert.DoesNotContain(Secret, json);
        Assert.DoesNotContain("Bearer", json);
        Assert.DoesNotContain("authorization", json, StringComparison.OrdinalIgnoreCase);
    }
}
