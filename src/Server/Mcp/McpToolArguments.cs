using System.Text.Json;
using System.Text.Json.Nodes;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Validation;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.Mcp;

/// <summary>
/// Reads a tool's arguments with the same strictness as the environment's own validators (strict integers, unknown keys
/// rejected), so a tool call and the equivalent step action accept exactly the same values.
/// </summary>
public static class McpToolArguments
{
    public static (McpInvocation? Invocation, IReadOnlyList<ValidationError> Errors) Read(string tool, JsonElement arguments, object[] loc)
    {
        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            arguments = Empty;
        }
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return (null, [ValidationErrors.WrongType(loc, arguments, FieldKind.Object)]);
        }
        var errors = new List<ValidationError>();
        var allowed = McpTools.ArgumentsOf(tool);
        foreach (var property in arguments.EnumerateObject().Where(p => !allowed.Contains(p.Name)))
        {
            errors.Add(ValidationErrors.ExtraForbidden(ValidationErrors.At(loc, property.Name), property.Value));
        }
        if (arguments.TryGetProperty("thought", out var thought) && thought.ValueKind != JsonValueKind.String)
        {
            errors.Add(ValidationErrors.WrongType(ValidationErrors.At(loc, "thought"), thought, FieldKind.String));
        }
        if (tool == McpTools.Reset)
        {
            var reset = ResetValidator.Validate(arguments, loc);
            errors.AddRange(reset.Errors);
            return errors.Count > 0 ? (null, errors) : (new McpInvocation(tool, reset.Value, null), []);
        }

        var action = new JsonObject
        {
            ["thought"] = thought.ValueKind == JsonValueKind.String ? thought.GetString() : "",
            ["action_type"] = McpTools.Actions[tool].ToString(),
        };
        foreach (var name in allowed.Where(n => n != "thought" && arguments.TryGetProperty(n, out _)))
        {
            action[name] = JsonNode.Parse(arguments.GetProperty(name).GetRawText());
        }
        if (tool == "replace_lines")
        {
            foreach (var name in allowed.Where(n => n != "thought" && !arguments.TryGetProperty(n, out _)))
            {
                errors.Add(ValidationErrors.Missing(ValidationErrors.At(loc, name), arguments));
            }
        }
        using var document = JsonDocument.Parse(action.ToJsonString());
        var validated = ActionValidator.Validate(document.RootElement, loc);
        errors.AddRange(validated.Errors.Where(e => !errors.Any(known => known.Loc.SequenceEqual(e.Loc))));
        return errors.Count > 0 ? (null, errors) : (new McpInvocation(tool, null, validated.Value), []);
    }

    /// <summary>One line per problem, for the JSON-RPC error message.</summary>
    public static string Describe(IReadOnlyList<ValidationError> errors) =>
        string.Join("; ", errors.Select(e => $"{string.Join('.', e.Loc)}: {e.Msg}"));

    private static readonly JsonElement Empty = JsonDocument.Parse("{}").RootElement.Clone();
}
