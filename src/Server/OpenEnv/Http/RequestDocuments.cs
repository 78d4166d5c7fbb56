using System.Text.Json.Serialization;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Server.OpenEnv.Http;

// These records describe the HTTP bodies for the OpenAPI document; the handlers read and validate raw JSON themselves.

/// <summary>Body of POST /reset. Every key is optional and unknown keys are ignored.</summary>
public sealed record ResetRequestDocument(
    [property: JsonPropertyName("task_name")] string? TaskName,
    [property: JsonPropertyName("difficulty")] string? Difficulty,
    [property: JsonPropertyName("seed")] int? Seed,
    [property: JsonPropertyName("episode_id")] string? EpisodeId,
    [property: JsonPropertyName("session_id")] string? SessionId);

/// <summary>Body of POST /step: the action plus OpenEnv's optional request fields.</summary>
public sealed record StepRequestDocument(
    [property: JsonPropertyName("action")] CodeAction Action,
    [property: JsonPropertyName("timeout_s")] double? TimeoutSeconds,
    [property: JsonPropertyName("request_id")] string? RequestId,
    [property: JsonPropertyName("session_id")] string? SessionId);

/// <summary>Answer of POST /sessions.</summary>
public sealed record SessionDocument(
    [property: JsonPropertyName("session_id")] string SessionId,
    [property: JsonPropertyName("active_sessions")] int ActiveSessions,
    [property: JsonPropertyName("max_sessions")] int MaxSessions,
    [property: JsonPropertyName("idle_timeout_s")] double IdleTimeoutSeconds);

/// <summary>FastAPI's 422 body: <c>{"detail": [pydantic errors]}</c>, plus the protocol's error code.</summary>
public sealed record ValidationProblemDocument(
    [property: JsonPropertyName("detail")] IReadOnlyList<Wire.ValidationError> Detail,
    [property: JsonPropertyName("code")] string Code);

/// <summary>An RFC 7807 problem with the protocol's error code.</summary>
public sealed record ProblemDocument(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("detail")] string Detail,
    [property: JsonPropertyName("code")] string Code)
{
    [JsonPropertyName("active_sessions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ActiveSessions { get; init; }

    [JsonPropertyName("max_sessions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxSessions { get; init; }
}
