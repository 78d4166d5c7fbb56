using System.Net;
using System.Text.Json.Nodes;
using TraceFix.Server.Tests.OpenEnv;

namespace TraceFix.Server.Tests.Mcp;

/// <summary>OpenEnv's JSON-RPC shape on POST /mcp: session methods, tools and the error codes OpenEnv returns.</summary>
public sealed class McpJsonRpcTests
{
    private const string TaskName = "binary_search_off_by_one";

    [Fact]
    public async Task EmptyObject_IsAnInvalidRequestWithHttp200_AsOpenEnvsValidatorExpects()
    {
        await using var app = new TraceFixApp();
        var (status, body, _) = await new McpTestClient(app.CreateClient()).PostAsync("{}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2.0", (string?)body!["jsonrpc"]);
        Assert.Equal(-32600, (int)body["error"]!["code"]!);
        Assert.Null(body["id"]);
    }

    [Theory]
    [InlineData("{not json", -32700)]
    [InlineData("[]", -32600)]
    [InlineData("""{"jsonrpc":"1.0","id":1,"method":"tools/list"}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":{"x":1},"method":"tools/list"}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":7}""", -32600)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/list","params":[1]}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"resources/list"}""", -32601)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{}}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"drop_tables"}}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"view_code"}}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"view_code","session_id":"nope"}}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"openenv/session/close","params":{}}""", -32602)]
    [InlineData("""{"jsonrpc":"2.0","id":1,"method":"openenv/session/close","params":{"session_id":"nope"}}""", -32602)]
    public async Task MalformedRequests_GetTheJsonRpcErrorOpenEnvReturns(string body, int code)
    {
        await using var app = new TraceFixApp();
        var (status, reply, _) = await new McpTestClient(app.CreateClient()).PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(code, (int)reply!["error"]!["code"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)reply["error"]!["message"]));
        Assert.Null(reply["result"]);
    }

    [Fact]
    public async Task ToolsList_NeedsNoSession_AndDescribesEveryToolWithASchema()
    {
        await using var app = new TraceFixApp();
        var result = await new McpTestClient(app.CreateClient()).ResultAsync("tools/list");

        var tools = result["tools"]!.AsArray();
        Assert.Equal(["reset", "view_code", "run_tests", "replace_lines", "undo_edit", "reset_to_original", "submit"],
            tools.Select(t => (string)t!["name"]!));
        var replace = tools.Single(t => (string?)t!["name"] == "replace_lines")!;
        Assert.Equal("object", (string?)replace["inputSchema"]!["type"]);
        Assert.Equal(["start_line", "end_line", "new_code_block"], replace["inputSchema"]!["required"]!.AsArray().Select(n => (string)n!));
        Assert.False((bool)replace["inputSchema"]!["additionalProperties"]!);
    }

    [Fact]
    public async Task SessionLifecycle_SolvesATaskThroughTools_ThenCloses()
    {
        await using var app = new TraceFixApp();
        var mcp = new McpTestClient(app.CreateClient());
        var sessionId = (string)(await mcp.ResultAsync("openenv/session/create", new JsonObject()))["session_id"]!;

        var reset = await mcp.CallToolAsync(sessionId, "reset", new JsonObject { ["task_name"] = TaskName });
        Assert.False((bool)reset["isError"]!);
        Assert.Contains(TaskName, (string)reset["content"]![0]!["text"]!);
        Assert.Null(reset["structuredContent"]!["reward"]);

        var failing = await mcp.CallToolAsync(sessionId, "run_tests");
        Assert.True((int)failing["structuredContent"]!["tests_passed"]! < (int)failing["structuredContent"]!["tests_total"]!);
        Assert.Contains("Tests Passed:", (string)failing["content"]![0]!["text"]!);

        await mcp.CallToolAsync(sessionId, "replace_lines", McpTestClient.Replace(1, TaskFiles.LineCount(TaskName), TaskFiles.Fixed(TaskName)));
        var submit = await mcp.CallToolAsync(sessionId, "submit");
        var structured = submit["structuredContent"]!;
        Assert.True((bool)structured["done"]!);
        Assert.Equal((int)structured["tests_total"]!, (int)structured["tests_passed"]!);
        Assert.Equal(0.98, (double)structured["final_score"]!);
        Assert.All(structured["test_results"]!.AsArray(), t => Assert.True((bool)t!["passed"]!));

        var afterDone = await mcp.CallToolAsync(sessionId, "view_code");
        Assert.True((bool)afterDone["isError"]!);
        Assert.Contains("reset", (string)afterDone["content"]![0]!["text"]!);

        var closed = await mcp.ResultAsync("openenv/session/close", new JsonObject { ["session_id"] = sessionId });
        Assert.True((bool)closed["closed"]!);
        var again = await mcp.RpcAsync("tools/call", new JsonObject { ["session_id"] = sessionId, ["name"] = "view_code" });
        Assert.Equal(-32602, (int)again["error"]!["code"]!);
        Assert.Equal(0, app.Services.GetRequiredServiceSessions().ActiveSessions);
    }

    [Fact]
    public async Task BadToolArguments_AreInvalidParams_WithPydanticStyleErrors_AndCostNoStep()
    {
        await using var app = new TraceFixApp();
        var mcp = new McpTestClient(app.CreateClient());
        var sessionId = (string)(await mcp.ResultAsync("openenv/session/create"))["session_id"]!;
        await mcp.CallToolAsync(sessionId, "reset", new JsonObject { ["task_name"] = TaskName });

        var reply = await mcp.RpcAsync("tools/call", new JsonObject
        {
            ["session_id"] = sessionId,
            ["name"] = "replace_lines",
            ["arguments"] = new JsonObject { ["start_line"] = "2", ["end_line"] = 2, ["colour"] = "red" },
        });

        Assert.Equal(-32602, (int)reply["error"]!["code"]!);
        var errors = reply["error"]!["data"]!["errors"]!.AsArray();
        Assert.Contains(errors, e => (string?)e!["type"] == "int_type" && e["loc"]!.ToJsonString() == """["arguments","start_line"]""");
        Assert.Contains(errors, e => (string?)e!["type"] == "extra_forbidden");
        Assert.Contains(errors, e => (string?)e!["type"] == "missing" && e["loc"]!.ToJsonString() == """["arguments","new_code_block"]""");
        var view = await mcp.CallToolAsync(sessionId, "view_code");
        Assert.Equal(1, (int)view["structuredContent"]!["step_count"]!);
    }

    [Fact]
    public async Task AtCapacity_SessionCreateIsAServerError_WithTheSessionCounts()
    {
        await using var app = new TraceFixApp(new Dictionary<string, string?> { ["TraceFix:Sessions:MaxSessions"] = "1" });
        var mcp = new McpTestClient(app.CreateClient());
        await mcp.ResultAsync("openenv/session/create");

        var second = await mcp.RpcAsync("openenv/session/create", id: 2);

        Assert.Equal(-32000, (int)second["error"]!["code"]!);
        Assert.Equal(1, (int)second["error"]!["data"]!["active_sessions"]!);
        Assert.Equal(1, (int)second["error"]!["data"]!["max_sessions"]!);
        Assert.Equal(2, (int)second["id"]!);
    }
}
