using System.Text;
using static TraceFix.Server.Tests.OpenEnv.WebSocketEpisodeTests;

namespace TraceFix.Server.Tests.OpenEnv;

public sealed class WebSocketErrorTests(SharedServer shared) : IClassFixture<SharedServer>, IAsyncLifetime
{
    private readonly EnvironmentServer _server = shared.Server;
    private EnvSocket _ws = null!;

    public async Task InitializeAsync()
    {
        _ws = await _server.ConnectAsync();
        await _ws.ResetAsync(new { task_name = "binary_search_off_by_one" });
    }

    public async Task DisposeAsync() => await _ws.DisposeAsync();

    [Fact]
    public async Task NonJsonText_IsInvalidJson_AndTheSessionStaysOpen()
    {
        await _ws.SendTextAsync("{not json");
        var error = ErrorData(await _ws.ReceiveAsync());

        Assert.Equal("INVALID_JSON", (string?)error["code"]);
        Assert.StartsWith("Invalid JSON:", (string?)error["message"]);
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Fact]
    public async Task BinaryFrame_IsRejected_AndTheSessionStaysOpen()
    {
        await _ws.SendBinaryAsync(Encoding.UTF8.GetBytes("""{"type":"state"}"""));
        var error = ErrorData(await _ws.ReceiveAsync());

        Assert.Equal("INVALID_JSON", (string?)error["code"]);
        Assert.Contains("binary", (string?)error["message"]);
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Fact]
    public async Task HugeFrame_IsRejectedAfterBeingDrained_AndTheSessionStaysOpen()
    {
        var huge = "{\"type\":\"step\",\"data\":{\"thought\":\"" + new string('x', 300_000) + "\",\"action_type\":\"VIEW_CODE\"}}";
        await _ws.SendTextAsync(huge);
        var error = ErrorData(await _ws.ReceiveAsync());

        Assert.Equal("VALIDATION_ERROR", (string?)error["code"]);
        Assert.Contains("too large", (string?)error["message"]);
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Fact]
    public async Task UnknownMessageType_IsUnknownType()
    {
        var error = ErrorData(await _ws.RequestAsync(new { type = "dance" }));

        Assert.Equal("UNKNOWN_TYPE", (string?)error["code"]);
        Assert.Equal("Unknown message type: dance", (string?)error["message"]);
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Fact]
    public async Task NonObjectMessageAndMissingData_AreValidationErrors()
    {
        var array = ErrorData(await _ws.RequestAsync(new[] { 1, 2 }));
        var noData = ErrorData(await _ws.RequestAsync(new { type = "step" }));
        var extra = ErrorData(await _ws.RequestAsync(new { type = "reset", data = new { }, bogus = true }));

        Assert.Equal("VALIDATION_ERROR", (string?)array["code"]);
        Assert.Equal("missing", (string?)noData["errors"]![0]!["type"]);
        Assert.Equal("data", (string?)noData["errors"]![0]!["loc"]![0]);
        Assert.Equal("extra_forbidden", (string?)extra["errors"]![0]!["type"]);
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Theory]
    [InlineData("""{"thought":"t","action_type":"FLY"}""", "action_type", "enum")]
    [InlineData("""{"thought":"t","action_type":"REPLACE_LINES","start_line":"12","end_line":12,"new_code_block":"x"}""", "start_line", "int_type")]
    [InlineData("""{"thought":"t","action_type":"REPLACE_LINES","start_line":12.5,"end_line":12,"new_code_block":"x"}""", "start_line", "int_type")]
    [InlineData("""{"thought":"t","action_type":"REPLACE_LINES","start_line":1,"end_line":true,"new_code_block":"x"}""", "end_line", "int_type")]
    [InlineData("""{"thought":"t","action_type":"REPLACE_LINES","start_line":1,"end_line":1,"new_code_block":7}""", "new_code_block", "string_type")]
    [InlineData("""{"thought":"t","action_type":"VIEW_CODE","metadata":[]}""", "metadata", "dict_type")]
    [InlineData("""{"thought":"t","action_type":"VIEW_CODE","line":3}""", "line", "extra_forbidden")]
    [InlineData("""{"action_type":"VIEW_CODE"}""", "thought", "missing")]
    [InlineData("""{"thought":"t"}""", "action_type", "missing")]
    public async Task InvalidAction_IsAFieldLevelValidationError_AndChangesNothing(string action, string field, string errorType)
    {
        await _ws.SendTextAsync($$"""{"type":"step","data":{{action}}}""");
        var error = ErrorData(await _ws.ReceiveAsync());

        Assert.Equal("VALIDATION_ERROR", (string?)error["code"]);
        Assert.Equal("Invalid message", (string?)error["message"]);
        var entry = error["errors"]!.AsArray().Single(e => (string?)e!["loc"]![0] == field)!;
        Assert.Equal(errorType, (string?)entry["type"]);
        Assert.False(string.IsNullOrEmpty((string?)entry["msg"]));
        Assert.True(entry.AsObject().ContainsKey("input"));
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Fact]
    public async Task UnknownActionType_ListsTheAllowedValues()
    {
        var error = ErrorData(await _ws.StepAsync(new { thought = "t", action_type = "view_code" }));

        var msg = (string?)error["errors"]![0]!["msg"];
        Assert.Contains("'VIEW_CODE'", msg);
        Assert.Contains("'SUBMIT'", msg);
    }

    [Fact]
    public async Task BadResetArguments_AreValidationErrors()
    {
        var error = ErrorData(await _ws.ResetAsync(new { seed = "x", difficulty = "extreme", task_name = 5 }));

        Assert.Equal("VALIDATION_ERROR", (string?)error["code"]);
        var fields = error["errors"]!.AsArray().Select(e => (string?)e!["loc"]![1]).Order().ToList();
        Assert.Equal(["difficulty", "seed", "task_name"], fields);
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Fact]
    public async Task UnknownTask_IsAnExecutionErrorListingKnownTasks()
    {
        var error = ErrorData(await _ws.ResetAsync(new { task_name = "no_such_task" }));

        Assert.Equal("EXECUTION_ERROR", (string?)error["code"]);
        Assert.Contains("no_such_task", (string?)error["message"]);
        Assert.Contains("binary_search_off_by_one", (string?)error["message"]);
        await AssertStillServesAsync(expectedSteps: 0);
    }

    [Fact]
    public async Task StepAfterDone_IsAnExecutionError_AndResetStartsOver()
    {
        var submit = await _ws.StepAsync(Actions.Of("SUBMIT"));
        Assert.True((bool)submit["data"]!["done"]!);

        var error = ErrorData(await _ws.StepAsync(Actions.Of("VIEW_CODE")));

        Assert.Equal("EXECUTION_ERROR", (string?)error["code"]);
        Assert.Equal("step() called on a finished episode. Call reset() first.", (string?)error["message"]);
        var reset = await _ws.ResetAsync();
        Assert.False((bool)reset["data"]!["done"]!);
    }

    [Fact]
    public async Task StepBeforeReset_IsAnExecutionError()
    {
        await using var fresh = await _server.ConnectAsync();

        var error = ErrorData(await fresh.StepAsync(Actions.Of("VIEW_CODE")));

        Assert.Equal("EXECUTION_ERROR", (string?)error["code"]);
        Assert.Contains("reset()", (string?)error["message"]);
    }

    /// <summary>The session is still open and its episode untouched by the rejected messages.</summary>
    private async Task AssertStillServesAsync(int expectedSteps)
    {
        var state = await _ws.RequestAsync(new { type = "state" });
        Assert.Equal("state", (string?)state["type"]);
        var step = await _ws.StepAsync(Actions.Of("VIEW_CODE"));
        Assert.Equal("observation", (string?)step["type"]);
        Assert.Equal(expectedSteps + 1, (int)step["data"]!["observation"]!["step_count"]!);
    }
}
