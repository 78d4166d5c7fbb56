using System.Text.Json;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Mcp.JsonRpc;

/// <summary>
/// Turns raw bytes or a parsed element into a <see cref="JsonRpcRequest"/>, or into the error response to send instead
/// (-32700 for text that is not JSON, -32600 for JSON that is not a request, -32602 for params that are not an object).
/// </summary>
public static class JsonRpcParser
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = 64 };

    public static (JsonDocument? Document, JsonObject? Error) Parse(ReadOnlyMemory<byte> payload)
    {
        if (payload.Span.Trim(" \t\r\n"u8).IsEmpty)
        {
            return (null, JsonRpcReply.Error(null, JsonRpcCodes.ParseError, "Parse error: the body is empty"));
        }
        if (!System.Text.Unicode.Utf8.IsValid(payload.Span))
        {
            return (null, JsonRpcReply.Error(null, JsonRpcCodes.ParseError, "Parse error: the message is not valid UTF-8"));
        }
        try
        {
            return (JsonDocument.Parse(payload, ParseOptions), null);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return (null, JsonRpcReply.Error(null, JsonRpcCodes.ParseError, $"Parse error: {ex.Message}"));
        }
    }

    public static (JsonRpcRequest? Request, JsonObject? Error) Read(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return Invalid(null, "Invalid request: batches are not supported; send one request per message");
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Invalid(null, "Invalid request: a request must be a JSON object");
        }
        JsonNode? id = null;
        if (root.TryGetProperty("id", out var idValue))
        {
            if (idValue.ValueKind is not (JsonValueKind.String or JsonValueKind.Number or JsonValueKind.Null))
            {
                return Invalid(null, "Invalid request: 'id' must be a string, a number or null");
            }
            id = JsonNode.Parse(idValue.GetRawText());
        }
        if (root.TryGetProperty("jsonrpc", out var version) && !(version.ValueKind == JsonValueKind.String && version.GetString() == "2.0"))
        {
            return Invalid(id, "Invalid request: 'jsonrpc' must be \"2.0\"");
        }
        if (!root.TryGetProperty("method", out var methodValue) || methodValue.ValueKind != JsonValueKind.String)
        {
            return Invalid(id, "Invalid request: 'method' is required and must be a string");
        }
        var parameters = root.TryGetProperty("params", out var p) ? p : default;
        if (parameters.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            parameters = EmptyObject;
        }
        else if (parameters.ValueKind != JsonValueKind.Object)
        {
            return (null, JsonRpcReply.Error(id, JsonRpcCodes.InvalidParams, "Params must be an object"));
        }
        return (new JsonRpcRequest(id, methodValue.GetString()!, parameters), null);
    }

    private static (JsonRpcRequest?, JsonObject?) Invalid(JsonNode? id, string message) =>
        (null, JsonRpcReply.Error(id, JsonRpcCodes.InvalidRequest, message));

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();
}
