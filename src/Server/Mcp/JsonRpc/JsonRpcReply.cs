using System.Text.Json.Nodes;

namespace TraceFix.Server.Mcp.JsonRpc;

/// <summary>Builds JSON-RPC 2.0 responses: exactly one of <c>result</c> and <c>error</c>, and the request's id (null when unknown).</summary>
public static class JsonRpcReply
{
    public static JsonObject Success(JsonNode? id, JsonNode result) => new()
    {
        ["jsonrpc"] = "2.0",
        ["id"] = id?.DeepClone(),
        ["result"] = result,
    };

    public static JsonObject Error(JsonNode? id, int code, string message, JsonObject? data = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (data is not null)
        {
            error["data"] = data;
        }
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id?.DeepClone(), ["error"] = error };
    }

    public static bool IsError(JsonObject reply) => reply.ContainsKey("error");
}
