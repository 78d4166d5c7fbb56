using System.Text.Json;
using System.Text.Json.Serialization;

namespace TraceFix.Core.Agents.Offline;

/// <summary>One candidate program the repair engine proposes, with what it changes and how it fared locally.</summary>
public sealed record EngineCandidate
{
    [JsonPropertyName("source")] public string Source { get; init; } = "";
    [JsonPropertyName("hash")] public string Hash { get; init; } = "";
    [JsonPropertyName("desc")] public string Description { get; init; } = "";
    [JsonPropertyName("kind")] public string Kind { get; init; } = "";
    [JsonPropertyName("line")] public int Line { get; init; }
    [JsonPropertyName("fixed")] public int Fixed { get; init; }
    [JsonPropertyName("failing")] public int Failing { get; init; }
    [JsonPropertyName("plausible")] public bool Plausible { get; init; }
    [JsonPropertyName("blind")] public bool Blind { get; init; }

    public IReadOnlyList<string> Lines => SourceText.ToLines(Source);
}

/// <summary>The engine's answer to one request (see Engine/tfr_main.py); <see cref="Error"/> is set when it could not work.</summary>
public sealed record EngineReply
{
    [JsonPropertyName("mode")] public string Mode { get; init; } = "none";
    [JsonPropertyName("examples")] public int Examples { get; init; }
    [JsonPropertyName("usable")] public int Usable { get; init; }
    [JsonPropertyName("failing")] public int Failing { get; init; }
    [JsonPropertyName("passing")] public int Passing { get; init; }
    [JsonPropertyName("edits")] public int Edits { get; init; }
    [JsonPropertyName("evaluated")] public int Evaluated { get; init; }
    [JsonPropertyName("exhausted")] public bool Exhausted { get; init; }
    [JsonPropertyName("suspicious")] public List<List<double>> Suspicious { get; init; } = [];
    [JsonPropertyName("evidence")] public List<string> Evidence { get; init; } = [];
    [JsonPropertyName("candidates")] public List<EngineCandidate> Candidates { get; init; } = [];
    [JsonPropertyName("state")] public JsonElement? State { get; init; }
    [JsonPropertyName("error")] public string? Error { get; init; }

    public bool Oracle => Mode == "oracle";

    public static EngineReply Failed(string why) => new() { Error = why };
}

/// <summary>Source text and code_dict lines, converted the way the environment stores them.</summary>
public static class SourceText
{
    public static IReadOnlyList<string> ToLines(string source)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        if (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    public static string FromLines(IEnumerable<string> lines) => string.Join("\n", lines) + "\n";
}
