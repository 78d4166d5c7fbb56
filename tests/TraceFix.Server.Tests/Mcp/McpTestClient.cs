using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Tests.Mcp;

/// <summary>Raw JSON-RPC over POST /mcp and WS /mcp, so the tests see exactly what goes over the wire.</summary>
internal sealed class McpTestClient(HttpClient http)
{
    public string? SessionHeader { get; set; }

    public string? ProtocolHeader { get; set; }

    public async Task<(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Response)> PostAsync(string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/mcp") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Accept.ParseAdd("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (SessionHeader is not null)
        {
            request.Headers.Add("Mcp-Session-Id", SessionHeader);
        }
        if (ProtocolHeader is not null)
        {
            request.Headers.Add("MCP-Protocol-Version", ProtocolHeader);
        }
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public async Task<JsonNode> RpcAsync(string method, JsonObject? parameters = null, int id = 1)
    {
        var request = new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method };
        if (parameters is not null)
        {
            request["params"] = parameters;
        }
        var (status, body, _) = await PostAsync(request.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2.0", (string?)body!["jsonrpc"]);
        return body;
    }

    public async Task<JsonNode> ResultAsync(string method, JsonObject? parameters = null)
    {
        var body = await RpcAsync(method, parameters);
        Assert.True(body["error"] is null, body.ToJsonString());
        return body["result"]!;
    }

    public async Task<JsonNode> CallToolAsync(string sessionId, string tool, JsonObject? arguments = null) =>
        await ResultAsync("tools/call", new JsonObject { ["session_id"] = sessionId, ["name"] = tool, ["arguments"] = arguments ?? new JsonObject() });

    public static JsonObject Replace(int start, int end, string block) =>
        new() { ["start_line"] = start, ["end_line"] = end, ["new_code_block"] = block, ["thought"] = "apply the fix" };

    public static async Task SendAsync(WebSocket socket, string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next text frame as JSON, or null when the server closed the socket.</summary>
    public static async Task<JsonNode?> ReceiveAsync(WebSocket socket)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[1 << 20];
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), limit.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.AsSpan(0, length));
            }
        }
    }
}
