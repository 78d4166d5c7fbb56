using System.Text.Json.Serialization;

namespace TraceFix.Client.Services;

/// <summary>The parts of an RFC 7807 problem document the dashboard shows.</summary>
internal sealed record ProblemDocument
{
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("detail")] public string? Detail { get; init; }
    [JsonPropertyName("status")] public int? Status { get; init; }
    [JsonPropertyName("errors")] public Dictionary<string, string[]>? Errors { get; init; }
}
