using System.Text.Json;

namespace TraceFix.Testing.Fakes;

/// <summary>A request the fake server received, kept for assertions.</summary>
public sealed record RecordedRequest(string Path, string? Authorization, JsonElement Body)
{
    public bool Structured => Body.TryGetProperty("response_format", out var format)
        && format.TryGetProperty("type", out var type) && type.GetString() == "json_schema";

    public string? Model => Body.TryGetProperty("model", out var model) ? model.GetString() : null;

    public IReadOnlyList<(string Role, string Content)> Messages => Body.GetProperty("messages").EnumerateArray()
        .Select(m => (m.GetProperty("role").GetString() ?? "", ContentOf(m)))
        .ToList();

    private static string ContentOf(JsonElement message) => message.TryGetProperty("content", out var content)
        ? content.ValueKind == JsonValueKind.String
            ? content.GetString() ?? ""
            : string.Concat(content.EnumerateArray().Select(p => p.TryGetProperty("text", out var t) ? t.GetString() : ""))
        : "";
}
