using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Tools;
using TraceFix.Server.OpenEnv.Validation;
using TraceFix.Server.OpenEnv.Wire;
using TraceFix.Server.Mcp.JsonRpc;

namespace TraceFix.Server.Mcp;

/// <summary>
/// MCP on the environment's own channels: the <c>mcp</c> message on /ws, and OpenEnv's ListToolsAction
/// (<c>{"type":"list_tools"}</c>) and CallToolAction (<c>{"type":"call_tool","tool_name":...,"arguments":{...}}</c>) as
/// step actions on /ws and POST /step, answered as ListToolsObservation / CallToolObservation with the step's reward.
/// </summary>
public sealed class McpToolActions(McpSessions sessions, McpDispatcher dispatcher) : IToolActionHandler
{
    public async Task<JsonObject> HandleRpcAsync(HostedSession session, JsonElement request, CancellationToken cancellationToken)
    {
        var (rpc, error) = JsonRpcParser.Read(request);
        if (rpc is null)
        {
            return error!;
        }
        var reply = await dispatcher.HandleAsync(rpc, McpCallContext.Socket(sessions.Attach(session)), cancellationToken);
        // The /ws protocol answers every message once, so a notification gets an empty result rather than silence.
        return reply.Body ?? JsonRpcReply.Success(rpc.Id, new JsonObject());
    }

    public async Task<ToolStepOutcome> StepAsync(HostedSession session, JsonElement action, object[] loc, CancellationToken cancellationToken)
    {
        var listing = action.GetProperty("type").GetString() == "list_tools";
        var errors = new List<ValidationError>();
        string[] allowed = listing ? ["type", "metadata"] : ["type", "tool_name", "arguments", "metadata"];
        foreach (var property in action.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors.Add(ValidationErrors.ExtraForbidden(ValidationErrors.At(loc, property.Name), property.Value));
        }
        if (action.TryGetProperty("metadata", out var metadata) && metadata.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationErrors.WrongType(ValidationErrors.At(loc, "metadata"), metadata, FieldKind.Object));
        }
        var tool = action.TryGetProperty("tool_name", out var name) ? name : default;
        if (!listing && tool.ValueKind != JsonValueKind.String)
        {
            errors.Add(tool.ValueKind == JsonValueKind.Undefined
                ? ValidationErrors.Missing(ValidationErrors.At(loc, "tool_name"), action)
                : ValidationErrors.WrongType(ValidationErrors.At(loc, "tool_name"), tool, FieldKind.String));
        }
        var arguments = action.TryGetProperty("arguments", out var a) ? a : default;
        if (!listing && arguments.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Object))
        {
            errors.Add(ValidationErrors.WrongType(ValidationErrors.At(loc, "arguments"), arguments, FieldKind.Object));
        }
        if (errors.Count > 0)
        {
            return ToolStepOutcome.Invalid(errors);
        }
        if (listing)
        {
            return ToolStepOutcome.Ok(Response(new JsonObject { ["tools"] = ToolsInOpenEnvShape(), ["metadata"] = new JsonObject() }, null, false));
        }
        return ToolStepOutcome.Ok(await CallAsync(sessions.Attach(session), tool.GetString()!, arguments, cancellationToken));
    }

    private static async Task<JsonObject> CallAsync(McpSession session, string tool, JsonElement arguments, CancellationToken cancellationToken)
    {
        if (!McpTools.Exists(tool))
        {
            return Response(CallObservation(tool, null, ("tool_not_found", $"Tool not found: {tool}")), null, false);
        }
        var (call, errors) = McpToolArguments.Read(tool, arguments, ["arguments"]);
        if (call is null)
        {
            return Response(CallObservation(tool, null, ("invalid_args", McpToolArguments.Describe(errors))), null, false);
        }
        var (result, step) = await session.CallAsync(call, cancellationToken);
        return Response(CallObservation(tool, result, null), step?.Reward, step?.Done ?? false);
    }

    private static JsonObject CallObservation(string tool, JsonObject? result, (string Type, string Message)? error) => new()
    {
        ["tool_name"] = tool,
        ["result"] = result,
        ["error"] = error is { } e ? new JsonObject { ["error_type"] = e.Type, ["message"] = e.Message } : null,
        ["metadata"] = new JsonObject(),
    };

    private static JsonObject Response(JsonObject observation, double? reward, bool done) => new()
    {
        ["observation"] = observation,
        ["reward"] = reward,
        ["done"] = done,
    };

    /// <summary>OpenEnv's Tool model (in ListToolsObservation) names the schema <c>input_schema</c>; MCP's tools/list says <c>inputSchema</c>.</summary>
    private static JsonArray ToolsInOpenEnvShape() => new([.. McpTools.List().Select(tool => (JsonNode)new JsonObject
    {
        ["name"] = tool!["name"]!.DeepClone(),
        ["description"] = tool["description"]!.DeepClone(),
        ["input_schema"] = tool["inputSchema"]!.DeepClone(),
    })]);
}
