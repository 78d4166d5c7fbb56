using System.Text.Json.Serialization;

namespace TraceFix.Server.OpenEnv.Schema;

/// <summary>GET /health: OpenEnv only looks for HTTP 200 and <c>status</c>; the session counts help operators.</summary>
public sealed record HealthDocument(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("active_sessions")] int ActiveSessions,
    [property: JsonPropertyName("max_sessions")] int MaxSessions);
