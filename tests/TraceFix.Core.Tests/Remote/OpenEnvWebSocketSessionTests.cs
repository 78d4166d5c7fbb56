using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Remote;
using TraceFix.Testing.Fakes;

namespace TraceFix.Core.Tests.Remote;

public sealed class OpenEnvWebSocketSessionTests
{
    private const string ResetReply = """
        {"type":"observation","data":{"observation":{"code_dict":{"1":"def f():","2":"    return 1"},"localized_context":"","last_execution_output":"Episode started","syntax_error":false,"test_results":[],"step_count":0,"steps_remaining":50,"reward_last_step":0.0,"info":{"task_name":"t","task_difficulty":"easy"},"metadata":{"episode_id":"abc"}},"reward":null,"done":false,"metadata":{"episode_id":"abc"}}}
        """;

    private const string StepReply = """
        {"type":"observation","data":{"observation":{"code_dict":{"1":"def f():","2":"    return 2"},"localized_context":"","last_execution_output":"Tests Passed: 1/2.","syntax_error":false,"test_results":[{"test_name":"test_a","passed":true,"error_message":null},{"test_name":"test_b","passed":false,"error_message":"input=f(), expected=3, got=2"}],"step_count":1,"steps_remaining":49,"reward_last_step":0.09,"info":{}},"reward":0.09,"done":false,"metadata":{"final_score":0.5,"last_action_error":null}}}
        """;

    [Theory]
    [InlineData("http://host:7860", "ws://host:7860/ws")]
    [InlineData("https://host/env/", "wss://host/env/ws")]
    public void Endpoint_IsDerivedLikeThePythonClient(string baseUrl, string expected) =>
        Assert.Equal(new Uri(expected), OpenEnvClientOptions.WebSocketUri(baseUrl));

    [Fact]
    public async Task ResetAndStep_SendTheOpenEnvFrames_AndReadTheReplies()
    {
        await using var server = await FakeOpenEnvServer.StartAsync(ResetReply, StepReply);
        StepResult reset, step;
        await using (var session = new OpenEnvWebSocketSession(server.BaseUrl))
        {
            reset = await session.ResetAsync(new ResetOptions(TaskName: "binary_search_off_by_one", Difficulty: "easy"));
            step = await session.StepAsync(CodeAction.Of(ActionType.RUN_TESTS, "run"));
        }

        Assert.Equal("""{"type":"reset","data":{"difficulty":"easy","task_name":"binary_search_off_by_one"}}""", server.Received[0]);
        Assert.Equal("""{"type":"step","data":{"thought":"run","action_type":"RUN_TESTS","metadata":{}}}""", server.Received[1]);
        Assert.Equal("""{"type":"close"}""", server.Received[2]);
        Assert.Null(reset.Reward);
        Assert.Equal("    return 1", reset.Observation.CodeDict["2"]);
        Assert.Equal((0.09, false), (step.Reward!.Value, step.Done));
        Assert.Equal("input=f(), expected=3, got=2", step.Observation.TestResults[1].ErrorMessage);
        // Metadata promoted to the top level (older servers) is still found.
        Assert.Equal(0.5, ((JsonElement)step.Observation.Metadata["final_score"]!).GetDouble());
    }

    [Fact]
    public async Task AnErrorFrame_RaisesWithTheServersMessageAndCode_AndTheSessionStaysUsable()
    {
        await using var server = await FakeOpenEnvServer.StartAsync(
            """{"type":"error","data":{"message":"Invalid message","code":"VALIDATION_ERROR","errors":[]}}""", StepReply);
        await using var session = new OpenEnvWebSocketSession(server.BaseUrl);

        var error = await Assert.ThrowsAsync<OpenEnvServerException>(() => session.StepAsync(CodeAction.Replace(1, 1, "x")));
        var next = await session.StepAsync(CodeAction.Of(ActionType.RUN_TESTS));

        Assert.Equal("Server error: Invalid message (code: VALIDATION_ERROR)", error.Message);
        Assert.Equal(1, next.Observation.StepCount);
        Assert.Contains("\"start_line\":1,\"end_line\":1,\"new_code_block\":\"x\"", server.Received[0]);
    }

    [Fact]
    public async Task ANonListeningServer_FailsWithAClearMessage()
    {
        await using var session = new OpenEnvWebSocketSession("http://127.0.0.1:9");

        var error = await Assert.ThrowsAsync<IOException>(() => session.ResetAsync(new ResetOptions()));

        Assert.Contains("ws://127.0.0.1:9/ws", error.Message);
    }
}
