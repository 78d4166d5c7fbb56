using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TraceFix.Server.OpenEnv;
using TraceFix.Server.OpenEnv.Wire;
using TraceFix.Server.Mcp.JsonRpc;

namespace TraceFix.Server.Mcp;

/// <summary>
/// <c>POST /mcp</c> and <c>DELETE /mcp</c>: OpenEnv's JSON-RPC endpoint and MCP's Streamable HTTP transport on one path.
/// Every answer is a single JSON body (no SSE). JSON-RPC errors travel with HTTP 200 as OpenEnv sends them; the
/// transport's own errors use the statuses MCP prescribes (404 unknown session, 400 unsupported protocol version).
/// </summary>
public static class McpHttpEndpoint
{
    public static async Task<IResult> PostAsync(HttpContext context, McpDispatcher dispatcher, McpSessions sessions,
        IOptions<EnvironmentServerOptions> options)
    {
        var version = context.Request.Headers[McpProtocol.VersionHeader].ToString();
        if (version.Length > 0 && !McpProtocol.Versions.Contains(version))
        {
            return Reply(JsonRpcReply.Error(null, JsonRpcCodes.InvalidRequest,
                $"Unsupported {McpProtocol.VersionHeader}: {version}; supported: {string.Join(", ", McpProtocol.Versions)}"), StatusCodes.Status400BadRequest);
        }
        McpSession? fromHeader = null;
        var sessionId = context.Request.Headers[McpProtocol.SessionHeader].ToString();
        if (sessionId.Length > 0 && (fromHeader = sessions.Find(sessionId)) is null)
        {
            return Reply(JsonRpcReply.Error(null, JsonRpcCodes.SessionNotFound,
                $"Session not found: {sessionId} (closed or expired); send initialize to start a new one"), StatusCodes.Status404NotFound);
        }

        var (body, tooLarge) = await ReadAsync(context.Request, options.Value.MaxMessageBytes);
        if (tooLarge)
        {
            return Reply(JsonRpcReply.Error(null, JsonRpcCodes.InvalidRequest,
                $"Invalid request: the body exceeds {options.Value.MaxMessageBytes} bytes"), StatusCodes.Status413PayloadTooLarge);
        }
        var (document, parseError) = JsonRpcParser.Parse(body);
        if (document is null)
        {
            return Reply(parseError!);
        }
        using (document)
        {
            if (IsClientResponse(document.RootElement))
            {
                return Results.Accepted();
            }
            var (request, invalid) = JsonRpcParser.Read(document.RootElement);
            if (request is null)
            {
                return Reply(invalid!);
            }
            var reply = await dispatcher.HandleAsync(request, McpCallContext.Http(fromHeader), context.RequestAborted);
            if (reply.Initialized is { } created)
            {
                context.Response.Headers[McpProtocol.SessionHeader] = created.Id;
            }
            return reply.Body is null ? Results.Accepted() : Reply(reply.Body);
        }
    }

    /// <summary>MCP session termination: closes the session named by <c>Mcp-Session-Id</c> and completes its run.</summary>
    public static async Task<IResult> DeleteAsync(HttpContext context, McpSessions sessions)
    {
        var sessionId = context.Request.Headers[McpProtocol.SessionHeader].ToString();
        if (sessionId.Length == 0)
        {
            return Reply(JsonRpcReply.Error(null, JsonRpcCodes.InvalidRequest, $"Invalid request: the {McpProtocol.SessionHeader} header is required"),
                StatusCodes.Status400BadRequest);
        }
        if (sessions.Find(sessionId) is not { } session)
        {
            return Reply(JsonRpcReply.Error(null, JsonRpcCodes.SessionNotFound, $"Session not found: {sessionId}"), StatusCodes.Status404NotFound);
        }
        await sessions.CloseAsync(session);
        return Results.NoContent();
    }

    private static IResult Reply(JsonObject body, int status = StatusCodes.Status200OK) =>
        Results.Json(body, WireJson.Plain, "application/json", status);

    /// <summary>A JSON-RPC response sent by the client (to a server request we never make): acknowledged, as MCP says.</summary>
    private static bool IsClientResponse(JsonElement root) =>
        root.ValueKind == JsonValueKind.Object && !root.TryGetProperty("method", out _) && root.TryGetProperty("id", out _)
        && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out _));

    private static async Task<(ReadOnlyMemory<byte> Body, bool TooLarge)> ReadAsync(HttpRequest request, int maxBytes)
    {
        if (request.ContentLength > maxBytes)
        {
            return (default, true);
        }
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var read = await request.Body.ReadAsync(buffer.GetMemory(4096), request.HttpContext.RequestAborted);
            if (read == 0)
            {
                return (buffer.WrittenMemory, false);
            }
            buffer.Advance(read);
            if (buffer.WrittenCount > maxBytes)
            {
                return (default, true);
            }
        }
    }
}
