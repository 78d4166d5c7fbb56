using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>
/// Reads a CodeAction from raw JSON with the strictness of the original pydantic model (strict types, extra keys
/// forbidden), reporting every problem at once instead of the first exception a deserializer would throw.
/// </summary>
public static class ActionValidator
{
    public static readonly IReadOnlyList<WireField> Fields =
    [
        new("thought", FieldKind.String, Required: true, "The agent's reasoning for this action (may be empty, must be present)."),
        new("action_type", FieldKind.ActionType, Required: true, "What to do."),
        new("start_line", FieldKind.NullableInteger, Required: false, "First line to replace (1-based, inclusive); REPLACE_LINES only."),
        new("end_line", FieldKind.NullableInteger, Required: false, "Last line to replace (1-based, inclusive); REPLACE_LINES only."),
        new("new_code_block", FieldKind.NullableString, Required: false, "Replacement text, lines separated by \\n; REPLACE_LINES only."),
        new("metadata", FieldKind.Object, Required: false, "Free-form client data; ignored by the environment."),
    ];

    public static readonly IReadOnlyList<string> ActionTypeNames = Enum.GetNames<ActionType>();

    /// <param name="action">The JSON object holding the action fields.</param>
    /// <param name="loc">Where the object sits in the request, e.g. <c>["body", "action"]</c> for HTTP or empty for WebSocket.</param>
    public static Validated<CodeAction> Validate(JsonElement action, params object[] loc)
    {
        if (action.ValueKind != JsonValueKind.Object)
        {
            return Validated<CodeAction>.Fail(ValidationErrors.NotAnObject(loc, action, "a CodeAction"));
        }

        var errors = new List<ValidationError>();
        foreach (var property in action.EnumerateObject())
        {
            if (!Fields.Any(f => f.Name == property.Name))
            {
                errors.Add(ValidationErrors.ExtraForbidden(ValidationErrors.At(loc, property.Name), property.Value));
            }
        }

        string? thought = null;
        ActionType? type = null;
        int? start = null, end = null;
        string? block = null;
        Dictionary<string, JsonElement>? metadata = null;
        foreach (var field in Fields)
        {
            var at = ValidationErrors.At(loc, field.Name);
            if (!action.TryGetProperty(field.Name, out var value))
            {
                if (field.Required)
                {
                    errors.Add(ValidationErrors.Missing(at, action));
                }
                continue;
            }
            switch (field.Name)
            {
                case "thought" when value.ValueKind == JsonValueKind.String:
                    thought = value.GetString();
                    break;
                case "action_type" when value.ValueKind == JsonValueKind.String && Enum.TryParse<ActionType>(value.GetString(), out var parsed)
                                       && ActionTypeNames.Contains(value.GetString()):
                    type = parsed;
                    break;
                case "action_type":
                    errors.Add(ValidationErrors.NotOneOf(at, value, ActionTypeNames));
                    break;
                case "start_line" or "end_line" when value.ValueKind == JsonValueKind.Null:
                    break;
                case "start_line" or "end_line" when JsonValues.TryGetInt32(value, out var line):
                    if (field.Name == "start_line") start = line; else end = line;
                    break;
                case "start_line" or "end_line" when JsonValues.IsStrictInteger(value):
                    errors.Add(ValidationErrors.Custom("int_parsing_size", at, value, "Input should be an integer between -2147483648 and 2147483647"));
                    break;
                case "new_code_block" when value.ValueKind is JsonValueKind.String or JsonValueKind.Null:
                    block = value.GetString();
                    break;
                case "metadata" when value.ValueKind == JsonValueKind.Object:
                    metadata = value.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
                    break;
                default:
                    errors.Add(ValidationErrors.WrongType(at, value, field.Kind));
                    break;
            }
        }

        if (errors.Count > 0)
        {
            return Validated<CodeAction>.Fail(errors);
        }
        return Validated<CodeAction>.Ok(new CodeAction
        {
            Thought = thought!,
            ActionType = type!.Value,
            StartLine = start,
            EndLine = end,
            NewCodeBlock = block,
            Metadata = metadata,
        });
    }
}
