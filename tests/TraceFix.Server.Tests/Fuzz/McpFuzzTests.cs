using System.Net;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Runs;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.Mcp;

namespace TraceFix.Server.Tests.Fuzz;

/// <summary>
/// 1,000 seeded malformed JSON-RPC requests on POST /mcp (bodies and headers) and 1,000 frames on WS /mcp: never a
/// 5xx, every request answered with JSON-RPC, and once the sessions the fuzzer opened are closed none is left behind.
/// </summary>
public sealed class McpFuzzTests
{
    private static readonly string[] ValidRequests =
    [
        """{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"fuzz","version":"1"}}}""",
        """{"jsonrpc":"2.0","id":2,"method":"tools/list","params":{}}""",
        """{"jsonrpc":"2.0","id":3,"method":"tools/call","params":{"name":"reset","arguments":{"task_name":"binary_search_off_by_one","seed":1}}}""",
        """{"jsonrpc":"2.0","id":4,"method":"tools/call","params":{"name":"replace_lines","arguments":{"start_line":9,"end_line":9,"new_code_block":"    while low <= high:","thought":"t"}}}""",
        """{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"view_code","arguments":{}}}""",
        """{"jsonrpc":"2.0","id":"s","method":"openenv/session/create","params":{}}""",
        """{"jsonrpc":"2.0","id":6,"method":"openenv/session/close","params":{"session_id":"x"}}""",
        """{"jsonrpc":"2.0","method":"notifications/initialized"}""",
        """{"jsonrpc":"2.0","id":7,"method":"ping"}""",
    ];

    [Fact]
    public async Task HttpRequests_NeverCauseServerErrors_AndLeakNoSession()
    {
        await using var app = FuzzApp.Create();
        var http = app.CreateClient();
        var fuzz = new JsonFuzzer(301);
        var opened = new HashSet<string>();
        var errors = 0;
        for (var i = 0; i < FuzzApp.Cases; i++)
        {
            var body = Mutate(fuzz, opened);
            using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.Pick("application/json", "text/plain", "application/x-www-form-urlencoded", "", "application/json; charset=latin1"));
            if (opened.Count > 0 && fuzz.Random.Next(3) == 0)
            {
                request.Headers.TryAddWithoutValidation("Mcp-Session-Id", fuzz.Random.Next(4) == 0 ? fuzz.Pick("", " ", "nope", "\u00e9", new string('a', 5000)) : opened.First());
            }
            if (fuzz.Random.Next(6) == 0)
            {
                request.Headers.TryAddWithoutValidation("MCP-Protocol-Version", fuzz.Pick("2025-06-18", "2025-11-25", "2024-11-05", "1.0", "", "x"));
            }
            var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                await FuzzApp.FailWithServerErrorAsync(app, $"case {i}: {status} for {Encoding.UTF8.GetString(body)[..Math.Min(body.Length, 300)]}");
            }
            Assert.Contains(status, new[] { 200, 202, 400, 404, 413 });
            if (response.Headers.TryGetValues("Mcp-Session-Id", out var created))
            {
                opened.Add(created.Single());
            }
            var text = await response.Content.ReadAsStringAsync();
            if (status == 202)
            {
                Assert.Equal("", text);
                continue;
            }
            var reply = JsonNode.Parse(text)!;
            Assert.Equal("2.0", (string?)reply["jsonrpc"]);
            errors += reply["error"] is null ? 0 : 1;
            if (reply["result"]?["session_id"] is JsonValue id && reply["result"]?["closed"] is null)
            {
                opened.Add((string)id!);
            }
        }
        Assert.InRange(errors, 100, FuzzApp.Cases - 50);
        Assert.True(opened.Count > 0, "the fuzzer never opened a session");
        foreach (var id in opened)
        {
            using var delete = new HttpRequestMessage(HttpMethod.Delete, "/mcp");
            delete.Headers.Add("Mcp-Session-Id", id);
            Assert.Contains((await http.SendAsync(delete)).StatusCode, new[] { HttpStatusCode.NoContent, HttpStatusCode.NotFound });
        }
        await AssertNothingLeftAsync(app, http);
    }

    [Fact]
    public async Task SocketFrames_AreEachAnswered_AndClosingTheSocketLeaksNoSession()
    {
        await using var app = FuzzApp.Create();
        var fuzz = new JsonFuzzer(302);
        var socket = await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/mcp"), CancellationToken.None);
        var errors = 0;
        for (var i = 0; i < FuzzApp.Cases; i++)
        {
            var frame = Mutate(fuzz, []);
            var binary = fuzz.Random.Next(25) == 0;
            await socket.SendAsync(frame, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, CancellationToken.None);
            if (!binary && IsNotification(frame))
            {
                continue;
            }
            var reply = await Tests.Mcp.McpTestClient.ReceiveAsync(socket);
            Assert.True(reply is not null, $"case {i}: the socket closed ({socket.CloseStatus}) after {Preview(frame)}");
            Assert.Equal("2.0", (string?)reply!["jsonrpc"]);
            errors += reply["error"] is null ? 0 : 1;
        }
        Assert.InRange(errors, 100, FuzzApp.Cases - 50);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        socket.Dispose();
        await AssertNothingLeftAsync(app, app.CreateClient());
    }

    private static string Preview(byte[] frame)
    {
        var text = Encoding.UTF8.GetString(frame);
        return text[..Math.Min(text.Length, 300)];
    }

    private static byte[] Mutate(JsonFuzzer fuzz, HashSet<string> opened)
    {
        var valid = ValidRequests[fuzz.Random.Next(ValidRequests.Length)];
        if (opened.Count > 0 && fuzz.Random.Next(3) == 0)
        {
            var node = JsonNode.Parse(valid)!;
            if (node["params"] is JsonObject parameters)
            {
                parameters["session_id"] = opened.ElementAt(fuzz.Random.Next(opened.Count));
            }
            valid = node.ToJsonString();
        }
        return fuzz.Mutate(valid);
    }

    /// <summary>Mirrors the server's rule: a well-formed request whose method is under notifications/ gets no reply.</summary>
    private static bool IsNotification(byte[] frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame, new JsonDocumentOptions { MaxDepth = 64 });
            var root = document.RootElement;
            return System.Text.Unicode.Utf8.IsValid(frame) && root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("method", out var method) && method.ValueKind == JsonValueKind.String
                && method.GetString()!.StartsWith("notifications/", StringComparison.Ordinal)
                && (!root.TryGetProperty("id", out var id) || id.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null)
                && (!root.TryGetProperty("jsonrpc", out var version) || (version.ValueKind == JsonValueKind.String && version.GetString() == "2.0"))
                && (!root.TryGetProperty("params", out var parameters) || parameters.ValueKind is JsonValueKind.Object or JsonValueKind.Null);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task AssertNothingLeftAsync(TraceFixApp app, HttpClient http)
    {
        var sessions = app.Services.GetRequiredService<SessionManager>();
        var mcp = app.Services.GetRequiredService<McpSessions>();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (sessions.ActiveSessions > 0 || mcp.Count > 0)
        {
            await Task.Delay(20, limit.Token);
        }
        while ((await http.GetFromJsonAsync("/api/runs?agent=mcp&status=running", RunsJsonContext.Default.PagedResultRunSummary, limit.Token))!.Total > 0)
        {
            await Task.Delay(20, limit.Token);
        }
    }
}
