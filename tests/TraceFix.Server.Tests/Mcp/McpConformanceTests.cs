using System.Net;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Tests.Mcp;

/// <summary>
/// The six criteria of OpenEnv's runtime validator (<c>openenv validate --url</c>, profile openenv-http/1.x), checked the
/// way its source checks them: same requests, same conditions.
/// </summary>
public sealed class McpConformanceTests
{
    [Fact]
    public async Task EveryRuntimeValidatorCriterion_Holds()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();

        var openapi = await GetJsonAsync(http, "/openapi.json");
        var version = (string?)openapi["info"]!["version"];
        Assert.StartsWith("1.", version);
        var paths = openapi["paths"]!.AsObject();
        Assert.True(paths.ContainsKey("/reset") && paths.ContainsKey("/step") && paths.ContainsKey("/state"), "simulation mode needs /reset, /step and /state");
        Assert.True(paths.ContainsKey("/mcp"));

        Assert.Equal("healthy", (string?)(await GetJsonAsync(http, "/health"))["status"]);
        var metadata = await GetJsonAsync(http, "/metadata");
        Assert.IsType<string>((string?)metadata["name"]);
        Assert.IsType<string>((string?)metadata["description"]);
        var schema = await GetJsonAsync(http, "/schema");
        Assert.All(new[] { "action", "observation", "state" }, key => Assert.IsType<JsonObject>(schema[key]));

        // The validator posts an empty JSON object with requests' default headers.
        var mcp = await http.PostAsync("/mcp", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, mcp.StatusCode);
        Assert.Equal("2.0", (string?)JsonNode.Parse(await mcp.Content.ReadAsStringAsync())!["jsonrpc"]);
    }

    [Fact]
    public async Task WithAnOperatorKey_McpNeedsItOnEveryMethod()
    {
        const string key = "mcp-key-TEST-91f3";
        await using var app = new TraceFixApp(new Dictionary<string, string?> { ["TraceFix:Security:OperatorKey"] = key });
        var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.PostAsync("/mcp", new StringContent("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/mcp"))).StatusCode);
        var upgrade = await Assert.ThrowsAnyAsync<Exception>(() =>
            app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/mcp"), CancellationToken.None));
        Assert.Contains("401", upgrade.Message);

        http.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var listed = await new McpTestClient(http).ResultAsync("tools/list");
        Assert.Equal(7, listed["tools"]!.AsArray().Count);
        var socket = app.Server.CreateWebSocketClient();
        socket.ConfigureRequest = request => request.Headers.Authorization = $"Bearer {key}";
        using var connected = await socket.ConnectAsync(new Uri(app.Server.BaseAddress, "/mcp"), CancellationToken.None);
        await McpTestClient.SendAsync(connected, """{"jsonrpc":"2.0","id":1,"method":"ping"}""");
        Assert.NotNull((await McpTestClient.ReceiveAsync(connected))!["result"]);
    }

    private static async Task<JsonNode> GetJsonAsync(HttpClient http, string path)
    {
        var response = await http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }
}
