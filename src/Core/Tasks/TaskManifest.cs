using System.Text.Json.Serialization;

namespace TraceFix.Core.Tasks;

/// <summary>The task.json document of a task directory.</summary>
internal sealed record TaskManifest
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("id")] public string? Id { get; init; }
    [JsonPropertyName("difficulty")] public string? Difficulty { get; init; }
    [JsonPropertyName("title")] public string? Title { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("bug_type")] public string? BugType { get; init; }
    [JsonPropertyName("entry")] public string? Entry { get; init; }
    [JsonPropertyName("tests")] public string? Tests { get; init; }
    [JsonPropertyName("fixed")] public string? Fixed { get; init; }
    [JsonPropertyName("timeout_s")] public double? TimeoutSeconds { get; init; }
    [JsonPropertyName("test_timeout_s")] public double? TestTimeoutSeconds { get; init; }
}
