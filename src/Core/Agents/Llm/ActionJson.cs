using System.Text.Json;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// Turns model text into a <see cref="CodeAction"/> with the original model's strictness: exact types, no unknown
/// keys, a known action type. A reply wrapped in a Markdown fence is unwrapped first.
/// </summary>
public static class ActionJson
{
    private static readonly HashSet<string> Allowed = ["thought", "action_type", "start_line", "end_line", "new_code_block", "metadata"];

    /// <summary>The schema sent as response_format; strict mode wants every key required and nullable types spelled out.</summary>
    public static BinaryData Schema { get; } = BinaryData.FromString("""
        {
          "type": "object",
          "properties": {
            "thought": { "type": "string" },
            "action_type": { "type": "string", "enum": ["VIEW_CODE", "RUN_TESTS", "REPLACE_LINES", "UNDO_EDIT", "RESET_TO_ORIGINAL", "SUBMIT"] },
            "start_line": { "type": ["integer", "null"] },
            "end_line": { "type": ["integer", "null"] },
            "new_code_block": { "type": ["string", "null"] }
          },
          "required": ["thought", "action_type", "start_line", "end_line", "new_code_block"],
          "additionalProperties": false
        }
        """);

    /// <exception cref="ModelReplyException">The text is not one valid CodeAction object.</exception>
    public static CodeAction Parse(string text)
    {
        var body = Unfence(text.Trim());
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ModelReplyException($"reply is not valid JSON ({ex.Message.Split(" Path:")[0].Trim()})", text);
        }
        using (document)
        {
            return Validate(document.RootElement, text);
        }
    }

    /// <summary>The canonical JSON of an accepted action, which goes back into the conversation as the assistant turn.</summary>
    public static string Serialize(CodeAction action) => JsonSerializer.Serialize(new
    {
        thought = action.Thought,
        action_type = action.ActionType.ToString(),
        start_line = action.StartLine,
        end_line = action.EndLine,
        new_code_block = action.NewCodeBlock,
    });

    private static string Unfence(string text)
    {
        if (!text.StartsWith("```", StringComparison.Ordinal) || !text.EndsWith("```", StringComparison.Ordinal) || text.Length < 6)
        {
            return text;
        }
        var newline = text.IndexOf('\n');
        return newline < 0 || newline > text.Length - 3
            ? throw new ModelReplyException("fenced reply has no content line", text)
            : text[(newline + 1)..^3].Trim();
    }

    private static CodeAction Validate(JsonElement root, string raw)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ModelReplyException($"expected one JSON object, got {Describe(root.ValueKind)}", raw);
        }
        foreach (var property in root.EnumerateObject())
        {
            if (!Allowed.Contains(property.Name))
            {
                throw new ModelReplyException($"unknown field '{property.Name}' (allowed: thought, action_type, start_line, end_line, new_code_block)", raw);
            }
        }

        var thought = root.TryGetProperty("thought", out var t) && t.ValueKind == JsonValueKind.String
            ? t.GetString()!
            : throw Field("thought", "a string", root, raw);
        if (!root.TryGetProperty("action_type", out var a) || a.ValueKind != JsonValueKind.String
            || !Enum.TryParse<ActionType>(a.GetString(), ignoreCase: false, out var type) || !Enum.IsDefined(type)
            || int.TryParse(a.GetString(), out _))
        {
            throw Field("action_type", "one of VIEW_CODE, RUN_TESTS, REPLACE_LINES, UNDO_EDIT, RESET_TO_ORIGINAL, SUBMIT", root, raw);
        }
        if (root.TryGetProperty("metadata", out var m) && m.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
        {
            throw Field("metadata", "an object", root, raw);
        }
        return new CodeAction
        {
            Thought = thought,
            ActionType = type,
            StartLine = OptionalInt(root, "start_line", raw),
            EndLine = OptionalInt(root, "end_line", raw),
            NewCodeBlock = OptionalString(root, "new_code_block", raw),
        };
    }

    private static int? OptionalInt(JsonElement root, string name, string raw)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Field(name, "a whole number or null", root, raw);
    }

    private static string? OptionalString(JsonElement root, string name, string raw)
    {
        if (!root.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return value.ValueKind == JsonValueKind.String ? value.GetString() : throw Field(name, "a string or null", root, raw);
    }

    private static ModelReplyException Field(string name, string expected, JsonElement root, string raw)
    {
        var got = root.TryGetProperty(name, out var value) ? Describe(value.ValueKind) : "nothing (the field is missing)";
        return new ModelReplyException($"field '{name}' must be {expected}, got {got}; use flat strings and numbers, no nested objects or arrays", raw);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "an unknown value",
    };
}
