using System.Text.Json.Serialization;

namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>A server-to-client WebSocket message: <c>{"type": "observation" | "state" | "error", "data": ...}</c>.</summary>
public sealed record ServerFrame<T>(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("data")] T Data);
