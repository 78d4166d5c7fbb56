using System.Text.Json;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Mcp.JsonRpc;

/// <summary>
/// One checked JSON-RPC request. <see cref="Id"/> is the id to echo (a string, a number or null); <see cref="Params"/> is
/// an object (absent params read as <c>{}</c>). Methods under <c>notifications/</c> are notifications and get no answer.
/// </summary>
public sealed record JsonRpcRequest(JsonNode? Id, string Method, JsonElement Params)
{
    public bool IsNotification => Method.StartsWith("notifications/", StringComparison.Ordinal);

    public string? StringParam(string name) =>
        Params.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
