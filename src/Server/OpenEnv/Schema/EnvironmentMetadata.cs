using System.Text.Json.Serialization;

namespace TraceFix.Server.OpenEnv.Schema;

/// <summary>The document served at GET /metadata, with OpenEnv's field names.</summary>
public sealed record EnvironmentMetadata(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("readme_content")] string? ReadmeContent,
    [property: JsonPropertyName("version")] string? Version,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("documentation_url")] string? DocumentationUrl);
