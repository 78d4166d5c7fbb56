using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Server.OpenEnv.Sessions;

namespace TraceFix.Server.OpenEnv.Tools;

/// <summary>
/// What the environment routes hand to the MCP layer: the <c>mcp</c> message on /ws and the ListToolsAction /
/// CallToolAction step actions (<c>{"type":"list_tools"}</c>, <c>{"type":"call_tool","tool_name":...,"arguments":{...}}</c>).
/// Implemented in <c>TraceFix.Server.Mcp</c>; the environment only knows this interface.
/// </summary>
public interface IToolActionHandler
{
    /// <summary>Answers one JSON-RPC request (the <c>data</c> of an <c>mcp</c> message) on the caller's own session.</summary>
    Task<JsonObject> HandleRpcAsync(HostedSession session, JsonElement request, CancellationToken cancellationToken);

    /// <summary>Runs a ListToolsAction or CallToolAction as a step; the answer is OpenEnv's step result or validation errors.</summary>
    Task<ToolStepOutcome> StepAsync(HostedSession session, JsonElement action, object[] loc, CancellationToken cancellationToken);

    /// <summary>True for an action object whose <c>type</c> is <c>list_tools</c> or <c>call_tool</c>.</summary>
    static bool IsToolAction(JsonElement action) =>
        action.ValueKind == JsonValueKind.Object && action.TryGetProperty("type", out var type)
        && type.ValueKind == JsonValueKind.String && type.GetString() is "list_tools" or "call_tool";
}
