using System.Text.Json.Serialization;

namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>The <c>data</c> of a WebSocket error frame.</summary>
public sealed record ErrorFrameData(
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("code")] string Code)
{
    [JsonPropertyName("errors"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ValidationError>? Errors { get; init; }

    [JsonPropertyName("active_sessions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? ActiveSessions { get; init; }

    [JsonPropertyName("max_sessions"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? MaxSessions { get; init; }

    public static ErrorFrameData Invalid(IReadOnlyList<ValidationError> errors) => new("Invalid message", ErrorCodes.ValidationError) { Errors = errors };
}
