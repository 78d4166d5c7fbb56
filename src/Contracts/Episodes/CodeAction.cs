using System.Text.Json;
using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Episodes;

/// <summary>One agent action, shaped like the original Python client's CodeAction model.</summary>
public sealed record CodeAction
{
    [JsonPropertyName("thought")]
    public string Thought { get; init; } = "";

    [JsonPropertyName("action_type")]
    public ActionType ActionType { get; init; }

    [JsonPropertyName("start_line")]
    public int? StartLine { get; init; }

    [JsonPropertyName("end_line")]
    public int? EndLine { get; init; }

    [JsonPropertyName("new_code_block")]
    public string? NewCodeBlock { get; init; }

    [JsonPropertyName("metadata")]
    public Dictionary<string, JsonElement>? Metadata { get; init; }

    public static CodeAction Of(ActionType type, string thought = "") => new() { ActionType = type, Thought = thought };

    public static CodeAction Replace(int start, int end, string block, string thought = "") =>
        new() { ActionType = ActionType.REPLACE_LINES, StartLine = start, EndLine = end, NewCodeBlock = block, Thought = thought };
}
