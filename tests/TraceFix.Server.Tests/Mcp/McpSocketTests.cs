using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Tests.OpenEnv;

namespace TraceFix.Server.Tests.Mcp;

/// <summary>WS /mcp (one session per connection), the <c>mcp</c> message on /ws, and tool actions as steps on /ws and /step.</summary>
public sealed class McpSocketTests
{
    private const string TaskName = "binary_search_off_by_one";

    private static async Task<WebSocket> ConnectAsync(TraceFixApp app, string path) =>
        await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, path), CancellationToken.None);

    private static string Call(int id, string tool, JsonObject? arguments = null) => new JsonObject
    {
        ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = "tools/call",
        ["params"] = new JsonObject { ["name"] = tool, ["arguments"] = arguments ?? new JsonObject() },
    }.ToJsonString();

    internal static async Task<RunDetail> WaitForEndAsync(HttpClient http, Guid runId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var detail = (await http.GetFromJsonAsync($"/api/runs/{runId}", RunsJsonContext.Default.RunDetail, limit.Token))!;
            if (detail.Run.Status.IsTerminal())
            {
                return detail;
            }
            await Task.Delay(20, limit.Token);
        }
    }

    [Fact]
    public async Task McpSocket_SolvesATask_AndClosingItEndsTheSessionAndTheRun()
    {
        await using var app = new TraceFixApp();
        var socket = await ConnectAsync(app, "/mcp");

        await McpTestClient.SendAsync(socket, """{"jsonrpc":"2.0","id":"a","method":"openenv/session/create"}""");
        var created = await McpTestClient.ReceiveAsync(socket);
        var sessionId = (string)created!["result"]!["session_id"]!;
        Assert.Equal("a", (string?)created["id"]);
        await McpTestClient.SendAsync(socket, $$$"""{"jsonrpc":"2.0","id":2,"method":"openenv/session/close","params":{"session_id":"{{{sessionId}}}"}}""");
        Assert.Equal(-32600, (int)(await McpTestClient.ReceiveAsync(socket))!["error"]!["code"]!);

        await McpTestClient.SendAsync(socket, Call(3, "reset", new JsonObject { ["task_name"] = TaskName }));
        Assert.False((bool)(await McpTestClient.ReceiveAsync(socket))!["result"]!["isError"]!);
        await McpTestClient.SendAsync(socket, Call(4, "replace_lines", McpTestClient.Replace(1, TaskFiles.LineCount(TaskName), TaskFiles.Fixed(TaskName))));
        await McpTestClient.ReceiveAsync(socket);
        await McpTestClient.SendAsync(socket, Call(5, "submit"));
        var submit = await McpTestClient.ReceiveAsync(socket);
        Assert.True((bool)submit!["result"]!["structuredContent"]!["done"]!);
        await McpTestClient.SendAsync(socket, "{oops");
        Assert.Equal(-32700, (int)(await McpTestClient.ReceiveAsync(socket))!["error"]!["code"]!);

        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        var http = app.CreateClient();
        await Eventually.TrueAsync(() => app.Services.GetRequiredServiceSessions().ActiveSessions == 0);
        var runs = await http.GetFromJsonAsync("/api/runs?agent=mcp", RunsJsonContext.Default.PagedResultRunSummary);
        var run = Assert.Single(runs!.Items);
        Assert.Equal("openenv-mcp", run.Model);
        var detail = await WaitForEndAsync(http, run.Id);
        Assert.Equal(RunStatus.Completed, detail.Run.Status);
        var episode = Assert.Single(detail.Episodes);
        Assert.True(episode.Success);
        Assert.Equal(2, episode.Steps.Count);
    }

    [Fact]
    public async Task McpMessageOnWs_UsesTheConnectionsOwnEpisode()
    {
        await using var app = new TraceFixApp();
        var socket = await ConnectAsync(app, "/ws");
        await McpTestClient.SendAsync(socket, """{"type":"mcp","data":{"jsonrpc":"2.0","id":1,"method":"tools/list"}}""");
        var listed = await McpTestClient.ReceiveAsync(socket);
        Assert.Equal("mcp", (string?)listed!["type"]);
        Assert.Equal(7, listed["data"]!["result"]!["tools"]!.AsArray().Count);

        await McpTestClient.SendAsync(socket, """{"type":"reset","data":{"task_name":"task1_easy"}}""");
        Assert.Equal("observation", (string?)(await McpTestClient.ReceiveAsync(socket))!["type"]);
        await McpTestClient.SendAsync(socket, $$$"""{"type":"mcp","data":{{{Call(2, "view_code")}}}}""");
        var view = await McpTestClient.ReceiveAsync(socket);
        Assert.Equal(1, (int)view!["data"]!["result"]!["structuredContent"]!["step_count"]!);
        Assert.Contains("valid_parentheses", (string)view["data"]!["result"]!["structuredContent"]!["observation"]!["info"]!["task_name"]!);

        await McpTestClient.SendAsync(socket, """{"type":"mcp","data":"tools/list"}""");
        Assert.Equal("VALIDATION_ERROR", (string?)(await McpTestClient.ReceiveAsync(socket))!["data"]!["code"]);
        await McpTestClient.SendAsync(socket, """{"type":"mcp","data":{"jsonrpc":"2.0","method":"notifications/initialized"}}""");
        Assert.Equal("mcp", (string?)(await McpTestClient.ReceiveAsync(socket))!["type"]);
    }

    [Fact]
    public async Task ToolActions_AreStepsOnWsAndHttp_WithTheStepsReward()
    {
        await using var app = new TraceFixApp();
        var socket = await ConnectAsync(app, "/ws");
        await McpTestClient.SendAsync(socket, """{"type":"step","data":{"type":"list_tools"}}""");
        var listed = await McpTestClient.ReceiveAsync(socket);
        Assert.Equal("observation", (string?)listed!["type"]);
        Assert.NotNull(listed["data"]!["observation"]!["tools"]![0]!["input_schema"]);

        await McpTestClient.SendAsync(socket, """{"type":"step","data":{"type":"call_tool","tool_name":"reset","arguments":{"task_name":"task2_medium"}}}""");
        var reset = await McpTestClient.ReceiveAsync(socket);
        Assert.Equal("reset", (string?)reset!["data"]!["observation"]!["tool_name"]);
        await McpTestClient.SendAsync(socket, """{"type":"step","data":{"type":"call_tool","tool_name":"run_tests","arguments":{}}}""");
        var run = await McpTestClient.ReceiveAsync(socket);
        Assert.Equal((double)run!["data"]!["observation"]!["result"]!["structuredContent"]!["reward"]!, (double)run["data"]!["reward"]!);
        Assert.True((double)run["data"]!["reward"]! > 0);
        Assert.False((bool)run["data"]!["done"]!);
        await McpTestClient.SendAsync(socket, """{"type":"step","data":{"type":"call_tool","tool_name":"fly"}}""");
        Assert.Equal("tool_not_found", (string?)(await McpTestClient.ReceiveAsync(socket))!["data"]!["observation"]!["error"]!["error_type"]);
        await McpTestClient.SendAsync(socket, """{"type":"step","data":{"type":"call_tool","tool_name":5,"extra":1}}""");
        var invalid = await McpTestClient.ReceiveAsync(socket);
        Assert.Equal("VALIDATION_ERROR", (string?)invalid!["data"]!["code"]);
        Assert.Equal(2, invalid["data"]!["errors"]!.AsArray().Count);

        var http = app.CreateClient();
        await http.PostAsync("/reset", new StringContent("""{"task_name":"task3_hard"}""", Encoding.UTF8, "application/json"));
        var step = await http.PostAsync("/step", new StringContent(
            """{"action":{"type":"call_tool","tool_name":"view_code","arguments":{"thought":"look"}}}""", Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await step.Content.ReadAsStringAsync())!;
        Assert.Equal(-0.01, (double)body["reward"]!, 3);
        Assert.Contains("reverse_string", (string)body["observation"]!["result"]!["content"]![0]!["text"]!);
    }
}
