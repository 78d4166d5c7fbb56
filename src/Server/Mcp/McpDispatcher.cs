using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Wire;
using TraceFix.Server.Mcp.JsonRpc;

namespace TraceFix.Server.Mcp;

/// <summary>
/// Answers JSON-RPC requests on every MCP transport: MCP's lifecycle (<c>initialize</c>, <c>ping</c>, notifications),
/// <c>tools/list</c> and <c>tools/call</c>, and OpenEnv's <c>openenv/session/create</c> and <c>openenv/session/close</c>.
/// Error codes and messages follow OpenEnv's MCP endpoint.
/// </summary>
public sealed class McpDispatcher(McpSessions sessions)
{
    public async Task<McpReply> HandleAsync(JsonRpcRequest request, McpCallContext context, CancellationToken cancellationToken)
    {
        if (request.IsNotification)
        {
            return new McpReply(null);
        }
        return request.Method switch
        {
            "initialize" => Initialize(request, context),
            "ping" => new McpReply(JsonRpcReply.Success(request.Id, new JsonObject())),
            "tools/list" => new McpReply(JsonRpcReply.Success(request.Id, new JsonObject { ["tools"] = McpTools.List() })),
            "tools/call" => new McpReply(await CallToolAsync(request, context, cancellationToken)),
            "openenv/session/create" => new McpReply(CreateSession(request, context)),
            "openenv/session/close" => new McpReply(await CloseSessionAsync(request, context)),
            _ => new McpReply(JsonRpcReply.Error(request.Id, JsonRpcCodes.MethodNotFound, $"Method not found: {request.Method}")),
        };
    }

    private McpReply Initialize(JsonRpcRequest request, McpCallContext context)
    {
        var version = McpProtocol.Negotiate(request.StringParam("protocolVersion"));
        var model = McpProtocol.ModelOf(request.Params.TryGetProperty("clientInfo", out var info) ? JsonNode.Parse(info.GetRawText()) : null);
        if (context.Bound is { } bound)
        {
            bound.ProtocolVersion = version;
            bound.Recording.Model = model;
            return new McpReply(JsonRpcReply.Success(request.Id, McpProtocol.InitializeResult(version)));
        }
        var (session, opened) = sessions.Open(model);
        if (session is null)
        {
            return new McpReply(OpenFailed(request.Id, opened));
        }
        session.ProtocolVersion = version;
        return new McpReply(JsonRpcReply.Success(request.Id, McpProtocol.InitializeResult(version)), session);
    }

    private JsonObject CreateSession(JsonRpcRequest request, McpCallContext context)
    {
        if (context.Bound is { } bound)
        {
            return JsonRpcReply.Success(request.Id, new JsonObject { ["session_id"] = bound.Id });
        }
        var (session, opened) = sessions.Open(McpProtocol.DefaultModel);
        return session is null
            ? OpenFailed(request.Id, opened)
            : JsonRpcReply.Success(request.Id, new JsonObject { ["session_id"] = session.Id });
    }

    private async Task<JsonObject> CloseSessionAsync(JsonRpcRequest request, McpCallContext context)
    {
        var target = request.StringParam("session_id");
        if (string.IsNullOrEmpty(target))
        {
            return JsonRpcReply.Error(request.Id, JsonRpcCodes.InvalidParams, "Invalid params - 'session_id' is required");
        }
        if (context.Bound?.Id == target)
        {
            return JsonRpcReply.Error(request.Id, JsonRpcCodes.InvalidRequest, "Cannot close active WebSocket-managed session via MCP method");
        }
        if (sessions.Find(target) is not { } session)
        {
            return JsonRpcReply.Error(request.Id, JsonRpcCodes.InvalidParams, $"Unknown session_id: {target}");
        }
        await sessions.CloseAsync(session);
        return JsonRpcReply.Success(request.Id, new JsonObject { ["session_id"] = target, ["closed"] = true });
    }

    private async Task<JsonObject> CallToolAsync(JsonRpcRequest request, McpCallContext context, CancellationToken cancellationToken)
    {
        var name = request.StringParam("name");
        if (string.IsNullOrEmpty(name))
        {
            return JsonRpcReply.Error(request.Id, JsonRpcCodes.InvalidParams, "Missing 'name' in params");
        }
        if (!McpTools.Exists(name))
        {
            return JsonRpcReply.Error(request.Id, JsonRpcCodes.InvalidParams, $"Tool not found: {name}");
        }
        var arguments = request.Params.TryGetProperty("arguments", out var a) ? a : default;
        var (call, errors) = McpToolArguments.Read(name, arguments, ["arguments"]);
        if (call is null)
        {
            return InvalidArguments(request.Id, errors);
        }
        var (session, error) = Resolve(request, context);
        if (session is null)
        {
            return error!;
        }
        try
        {
            var (result, _) = await session.CallAsync(call, cancellationToken);
            return JsonRpcReply.Success(request.Id, result);
        }
        catch (SessionClosedException ex)
        {
            return JsonRpcReply.Error(request.Id, JsonRpcCodes.ServerError, ex.Message);
        }
    }

    private (McpSession?, JsonObject?) Resolve(JsonRpcRequest request, McpCallContext context)
    {
        if (context.Bound is { } bound)
        {
            return (bound, null);
        }
        if (request.Params.TryGetProperty("session_id", out var value))
        {
            if (value.ValueKind != JsonValueKind.String || sessions.Find(value.GetString()!) is not { } named)
            {
                var shown = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
                return (null, JsonRpcReply.Error(request.Id, JsonRpcCodes.InvalidParams, $"Unknown session_id: {shown}"));
            }
            return (named, null);
        }
        if (context.FromHeader is { } fromHeader)
        {
            return (fromHeader, null);
        }
        return (null, JsonRpcReply.Error(request.Id, JsonRpcCodes.InvalidParams,
            "tools/call needs a session: send initialize (MCP clients), or openenv/session/create and pass its session_id"));
    }

    public static JsonObject InvalidArguments(JsonNode? id, IReadOnlyList<ValidationError> errors) =>
        JsonRpcReply.Error(id, JsonRpcCodes.InvalidParams, $"Invalid params: {McpToolArguments.Describe(errors)}",
            new JsonObject { ["errors"] = JsonSerializer.SerializeToNode(errors, WireJson.Plain) });

    public static JsonObject OpenFailed(JsonNode? id, SessionOpenResult opened)
    {
        var data = opened.ErrorCode == ErrorCodes.CapacityReached
            ? new JsonObject { ["active_sessions"] = opened.ActiveSessions, ["max_sessions"] = opened.MaxSessions }
            : new JsonObject { ["factory_name"] = "DebugEnvironment" };
        return JsonRpcReply.Error(id, JsonRpcCodes.ServerError, opened.ErrorMessage ?? "Could not open a session", data);
    }
}
