using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Tests.OpenEnv;

namespace TraceFix.Server.Tests.Mcp;

/// <summary>MCP's Streamable HTTP transport on the same endpoint: initialize, Mcp-Session-Id, notifications, termination.</summary>
public sealed class McpStreamableHttpTests
{
    private static JsonObject Initialize(string version) => new()
    {
        ["protocolVersion"] = version,
        ["capabilities"] = new JsonObject(),
        ["clientInfo"] = new JsonObject { ["name"] = "editor-x", ["version"] = "4.5" },
    };

    [Fact]
    public async Task Initialize_OpensASession_NamedInTheHeader_AndNegotiatesTheVersion()
    {
        await using var app = new TraceFixApp();
        var mcp = new McpTestClient(app.CreateClient());
        var (status, body, response) = await mcp.PostAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = Initialize("2025-06-18"),
        }.ToJsonString());

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = body!["result"]!;
        Assert.Equal("2025-06-18", (string?)result["protocolVersion"]);
        Assert.NotNull(result["capabilities"]!["tools"]);
        Assert.Equal("tracefix_rl", (string?)result["serverInfo"]!["name"]);
        var sessionId = Assert.Single(response.Headers.GetValues("Mcp-Session-Id"));
        Assert.Equal(1, app.Services.GetRequiredServiceSessions().ActiveSessions);

        mcp.SessionHeader = sessionId;
        mcp.ProtocolHeader = "2025-06-18";
        var (notified, notifyBody, _) = await mcp.PostAsync("""{"jsonrpc":"2.0","method":"notifications/initialized"}""");
        Assert.Equal(HttpStatusCode.Accepted, notified);
        Assert.Null(notifyBody);

        var reset = await mcp.ResultAsync("tools/call", new JsonObject { ["name"] = "reset", ["arguments"] = new JsonObject { ["task_name"] = "task1_easy" } });
        Assert.Contains("valid_parentheses_wrong_mapping", (string)reset["content"]![0]!["text"]!);
        Assert.Equal("{}", (await mcp.ResultAsync("ping")).ToJsonString());
    }

    [Fact]
    public async Task UnknownProtocolVersion_IsAnsweredWithTheNewest()
    {
        await using var app = new TraceFixApp();
        var result = await new McpTestClient(app.CreateClient()).ResultAsync("initialize", Initialize("1999-01-01"));
        Assert.Equal("2025-11-25", (string?)result["protocolVersion"]);
    }

    [Fact]
    public async Task TransportErrors_UseMcpsHttpStatuses()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var mcp = new McpTestClient(http) { SessionHeader = "no-such-session" };
        Assert.Equal(HttpStatusCode.NotFound, (await mcp.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""")).Status);

        mcp = new McpTestClient(http) { ProtocolHeader = "1999-01-01" };
        Assert.Equal(HttpStatusCode.BadRequest, (await mcp.PostAsync("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""")).Status);

        var get = await http.GetAsync("/mcp");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);

        var delete = new HttpRequestMessage(HttpMethod.Delete, "/mcp");
        delete.Headers.Add("Mcp-Session-Id", "no-such-session");
        Assert.Equal(HttpStatusCode.NotFound, (await http.SendAsync(delete)).StatusCode);

        mcp = new McpTestClient(http);
        Assert.Equal(HttpStatusCode.Accepted, (await mcp.PostAsync("""{"jsonrpc":"2.0","id":5,"result":{}}""")).Status);
    }

    [Fact]
    public async Task SessionTermination_CompletesTheRecordedRun_NamedAfterTheClient()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var mcp = new McpTestClient(http);
        var (_, _, response) = await mcp.PostAsync(new JsonObject
        {
            ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = "initialize", ["params"] = Initialize("2025-03-26"),
        }.ToJsonString());
        mcp.SessionHeader = Assert.Single(response.Headers.GetValues("Mcp-Session-Id"));
        await mcp.ResultAsync("tools/call", new JsonObject { ["name"] = "reset", ["arguments"] = new JsonObject { ["task_name"] = "binary_search_off_by_one" } });
        await mcp.ResultAsync("tools/call", new JsonObject { ["name"] = "view_code", ["arguments"] = new JsonObject { ["thought"] = "look first" } });

        var delete = new HttpRequestMessage(HttpMethod.Delete, "/mcp");
        delete.Headers.Add("Mcp-Session-Id", mcp.SessionHeader);
        Assert.Equal(HttpStatusCode.NoContent, (await http.SendAsync(delete)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mcp.PostAsync("""{"jsonrpc":"2.0","id":2,"method":"tools/list"}""")).Status);

        var runs = await http.GetFromJsonAsync("/api/runs?agent=mcp", RunsJsonContext.Default.PagedResultRunSummary);
        var run = Assert.Single(runs!.Items);
        Assert.Equal("editor-x 4.5", run.Model);
        Assert.Equal(RunStatus.Completed, run.Status);
        var detail = await http.GetFromJsonAsync($"/api/runs/{run.Id}", RunsJsonContext.Default.RunDetail);
        var episode = Assert.Single(detail!.Episodes);
        Assert.Equal(EpisodeStatus.Cancelled, episode.Status);
        var step = Assert.Single(episode.Steps!);
        Assert.Equal("look first", step.Thought);
        Assert.Equal(TraceFix.Contracts.Episodes.ActionType.VIEW_CODE, step.Action.Type);
    }
}
