using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Llm;
using TraceFix.Testing.Fakes;

namespace TraceFix.Core.Tests.Agents;

public sealed class LlmAgentTests
{
    private const string Secret = "sk-test-5ecret-never-printed";
    private static readonly StepResult Failing = Observations.Result("Tests Passed: 1/3.\n\nTraceback:\nAssertionError: input=(2, 3), expected=5, got=-1", Observations.Code);

    private static (LlmAgent Agent, FakeChatServer Server) Create(FakeChatServer server, LlmAgentOptions? options = null)
    {
        var configured = (options ?? new LlmAgentOptions()) with
        {
            ApiBaseUrl = server.ApiBaseUrl,
            Model = "fake-model",
            ApiKey = Secret,
            RetryBaseDelay = TimeSpan.Zero,
        };
        var agent = new LlmAgent(configured);
        agent.BeginEpisode(new EpisodeContext("t", null, Failing, 50, 0));
        return (agent, server);
    }

    [Fact]
    public async Task FirstStep_IsViewCode_WithoutCallingTheModel()
    {
        await using var server = await FakeChatServer.StartAsync();
        var (agent, _) = Create(server);

        var decision = await agent.DecideAsync(Failing, default);

        Assert.Equal(ActionType.VIEW_CODE, decision.Action!.ActionType);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task StructuredOutput_IsRequestedWithTheSchema_AndParsed()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Action("REPLACE_LINES", start: 2, end: 2, block: "    return a + b") with { PromptTokens = 120, CompletionTokens = 30 });
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        var decision = await agent.DecideAsync(Failing, default);

        var action = decision.Action!;
        Assert.Equal(ActionType.REPLACE_LINES, action.ActionType);
        Assert.Equal((2, 2, "    return a + b"), (action.StartLine!.Value, action.EndLine!.Value, action.NewCodeBlock));
        Assert.Null(decision.ParseError);
        var request = Assert.Single(server.Requests);
        Assert.True(request.Structured);
        Assert.Equal("CodeAction", request.Body.GetProperty("response_format").GetProperty("json_schema").GetProperty("name").GetString());
        Assert.Equal("fake-model", request.Model);
        Assert.Equal($"Bearer {Secret}", request.Authorization);
        Assert.Equal(0.0, request.Body.GetProperty("temperature").GetDouble());
        Assert.Equal("system", request.Messages[0].Role);
        Assert.Contains("pass_count_summary=Tests Passed: 1/3", request.Messages[^1].Content);
        Assert.Contains("[SYSTEM OVERRIDE]: The previous action was VIEW_CODE", request.Messages[^1].Content);
        Assert.Equal(new AgentUsage(120, 30, decision.Usage!.LatencyMs, 1), decision.Usage);
    }

    [Fact]
    public async Task PlainFallback_AcceptsFencedJson()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Text("I think we should run the tests."), ScriptedReply.Fenced("RUN_TESTS"));
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        var decision = await agent.DecideAsync(Failing, default);

        Assert.Equal(ActionType.RUN_TESTS, decision.Action!.ActionType);
        Assert.Null(decision.ParseError);
        Assert.Equal([true, false], server.Requests.Select(r => r.Structured));
        Assert.Equal(2, decision.Usage!.Attempts);
    }

    [Fact]
    public async Task Refusal_FallsBackToPlainCompletion_AndTwoRefusalsAreAParseError()
    {
        await using var server = await FakeChatServer.StartAsync(
            ScriptedReply.Refused("I cannot help with that."), ScriptedReply.Action("RUN_TESTS"),
            ScriptedReply.Refused("Still no."), ScriptedReply.Refused("No."));
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        var recovered = await agent.DecideAsync(Failing, default);
        var refused = await agent.DecideAsync(Failing, default);

        Assert.Equal(ActionType.RUN_TESTS, recovered.Action!.ActionType);
        Assert.Null(recovered.ParseError);
        Assert.Contains("refused", refused.ParseError);
        Assert.Equal(ActionType.RUN_TESTS, refused.Action!.ActionType);
    }

    [Fact]
    public async Task GarbageOutput_BecomesRunTestsRecovery_AndTheModelIsToldWhy()
    {
        await using var server = await FakeChatServer.StartAsync(
            ScriptedReply.Text("{not json"), ScriptedReply.Text("[1, 2, 3]"),
            ScriptedReply.Action("VIEW_CODE"));
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        var bad = await agent.DecideAsync(Failing, default);
        var next = await agent.DecideAsync(Failing, default);

        Assert.Equal(ActionType.RUN_TESTS, bad.Action!.ActionType);
        Assert.Contains("expected one JSON object", bad.ParseError);
        Assert.Equal(ActionType.VIEW_CODE, next.Action!.ActionType);
        var lastRequest = server.Requests[^1].Messages;
        Assert.Contains(lastRequest, m => m.Role == "assistant" && m.Content == "[1, 2, 3]");
        Assert.Contains(lastRequest, m => m.Role == "user" && m.Content.StartsWith("PARSE_ERROR: ", StringComparison.Ordinal));
        Assert.Contains("action_trajectory=VIEW_CODE -> RUN_TESTS", lastRequest[^1].Content);
    }

    [Theory]
    [InlineData("""{"thought":"x","action_type":"REPLACE_LINES","start_line":"2","end_line":2,"new_code_block":"y"}""", "start_line")]
    [InlineData("""{"thought":{"a":1},"action_type":"RUN_TESTS"}""", "thought")]
    [InlineData("""{"thought":"x","action_type":"DANCE"}""", "action_type")]
    [InlineData("""{"thought":"x","action_type":"RUN_TESTS","extra":1}""", "extra")]
    [InlineData("""{"thought":"x","action_type":"REPLACE_LINES","start_line":2.5,"end_line":3,"new_code_block":"y"}""", "start_line")]
    public void ActionJson_RejectsWrongTypesAndUnknownKeys(string text, string field)
    {
        var ex = Assert.Throws<ModelReplyException>(() => ActionJson.Parse(text));
        Assert.Contains(field, ex.Message);
    }

    [Fact]
    public async Task RateLimit_IsRetried_ThenSucceeds()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Error(429, retryAfter: "0"), ScriptedReply.Error(503), ScriptedReply.Action("RUN_TESTS"));
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        var decision = await agent.DecideAsync(Failing, default);

        Assert.Equal(ActionType.RUN_TESTS, decision.Action!.ActionType);
        Assert.Null(decision.ParseError);
        Assert.Equal(3, decision.Usage!.Attempts);
        Assert.All(server.Requests, r => Assert.True(r.Structured));
    }

    [Fact]
    public async Task ClientErrors_AreNotRetried()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Error(400), ScriptedReply.Error(401));
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        var decision = await agent.DecideAsync(Failing, default);

        Assert.Equal(2, server.Requests.Count);
        Assert.Contains("plain call failed", decision.ParseError);
        Assert.DoesNotContain(Secret, decision.ParseError);
    }

    [Fact]
    public async Task ThreeUnusableAnswersInARow_StopTheEpisode()
    {
        await using var server = await FakeChatServer.StartAsync();
        server.Responder = _ => ScriptedReply.Text("no idea");
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        var first = await agent.DecideAsync(Failing, default);
        var second = await agent.DecideAsync(Failing, default);
        var third = await agent.DecideAsync(Failing, default);

        Assert.NotNull(first.Action);
        Assert.NotNull(second.Action);
        Assert.Null(third.Action);
        Assert.StartsWith("KILL_SWITCH: PARSE_ERROR", third.StopReason);
        Assert.Equal(6, server.Requests.Count);
    }

    [Fact]
    public async Task AParsedAnswer_ResetsTheParseErrorCount()
    {
        await using var server = await FakeChatServer.StartAsync(
            ScriptedReply.Text("x"), ScriptedReply.Text("x"), ScriptedReply.Text("x"), ScriptedReply.Text("x"),
            ScriptedReply.Action("VIEW_CODE"),
            ScriptedReply.Text("x"), ScriptedReply.Text("x"));
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);

        await agent.DecideAsync(Failing, default);
        await agent.DecideAsync(Failing, default);
        var good = await agent.DecideAsync(Failing, default);
        var badAgain = await agent.DecideAsync(Failing, default);

        Assert.Null(good.ParseError);
        Assert.NotNull(badAgain.Action);
    }

    [Fact]
    public async Task AfterReplaceLines_TheTurnForbidsAnotherEdit()
    {
        await using var server = await FakeChatServer.StartAsync(ScriptedReply.Action("REPLACE_LINES", start: 2, end: 2, block: "    return a + b"), ScriptedReply.Action("RUN_TESTS"));
        var (agent, _) = Create(server);
        await agent.DecideAsync(Failing, default);
        await agent.DecideAsync(Failing, default);

        await agent.DecideAsync(Failing, default);

        var turn = server.Requests[^1].Messages[^1].Content;
        Assert.Contains("[SYSTEM OVERRIDE]: The previous action was REPLACE_LINES", turn);
        Assert.Contains("decision_guard: last_action=REPLACE_LINES", turn);
    }

    [Fact]
    public void Options_ReadTheSeedVariables_AndNeverPrintTheKey()
    {
        var env = new Dictionary<string, string?> { ["API_KEY"] = Secret, ["MODEL_NAME"] = "m" };

        var options = LlmAgentOptions.FromEnvironment(env.GetValueOrDefault);

        Assert.Equal((LlmAgentOptions.DefaultBaseUrl, "m", Secret), (options.ApiBaseUrl, options.Model, options.ApiKey));
        Assert.DoesNotContain(Secret, options.ToString());
        Assert.Equal("hf", LlmAgentOptions.FromEnvironment(new Dictionary<string, string?> { ["HF_TOKEN"] = "hf", ["API_KEY"] = "k" }.GetValueOrDefault).ApiKey);
        Assert.Equal(LlmAgentOptions.PlaceholderKey, LlmAgentOptions.FromEnvironment(_ => null).ApiKey);
    }
}
