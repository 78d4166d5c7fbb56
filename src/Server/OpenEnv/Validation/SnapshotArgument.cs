using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>
/// Reads reset's <c>snapshot</c> (a TraceFix extension): types are checked here, strictly and with no unknown keys; what
/// the values must satisfy (step limit, sizes, a named task) the environment checks, as for any reset.
/// </summary>
public static class SnapshotArgument
{
    private static readonly string[] Keys = ["code", "step_count", "undo_stack", "cumulative_reward", "passes_at_last_run"];

    public static EpisodeSnapshot? Read(JsonElement arguments, object[] loc, List<ValidationError> errors)
    {
        if (!arguments.TryGetProperty("snapshot", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var at = ValidationErrors.At(loc, "snapshot");
        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(ValidationErrors.WrongType(at, value, FieldKind.NullableObject));
            return null;
        }
        var before = errors.Count;
        foreach (var extra in value.EnumerateObject().Where(p => !Keys.Contains(p.Name)))
        {
            errors.Add(ValidationErrors.ExtraForbidden(ValidationErrors.At(at, extra.Name), extra.Value));
        }
        string? code = null;
        if (!value.TryGetProperty("code", out var codeValue))
        {
            errors.Add(ValidationErrors.Missing(ValidationErrors.At(at, "code"), value));
        }
        else if (codeValue.ValueKind != JsonValueKind.String)
        {
            errors.Add(ValidationErrors.WrongType(ValidationErrors.At(at, "code"), codeValue, FieldKind.String));
        }
        else
        {
            code = codeValue.GetString();
        }
        var stepCount = Integer(value, "step_count", at, errors, required: true);
        var passes = Integer(value, "passes_at_last_run", at, errors, required: false);
        var undo = UndoStack(value, at, errors);
        double cumulative = 0;
        if (value.TryGetProperty("cumulative_reward", out var reward) && reward.ValueKind != JsonValueKind.Null)
        {
            if (reward.ValueKind == JsonValueKind.Number && reward.TryGetDouble(out var parsed))
            {
                cumulative = parsed;
            }
            else
            {
                errors.Add(ValidationErrors.Custom("float_type", ValidationErrors.At(at, "cumulative_reward"), reward, "Input should be a valid number"));
            }
        }
        return errors.Count > before ? null : new EpisodeSnapshot(code!, stepCount ?? 0, undo, cumulative, passes ?? 0);
    }

    private static int? Integer(JsonElement snapshot, string name, object[] at, List<ValidationError> errors, bool required)
    {
        var where = ValidationErrors.At(at, name);
        if (!snapshot.TryGetProperty(name, out var value) || (!required && value.ValueKind == JsonValueKind.Null))
        {
            if (required)
            {
                errors.Add(ValidationErrors.Missing(where, snapshot));
            }
            return null;
        }
        if (JsonValues.TryGetInt32(value, out var parsed))
        {
            return parsed;
        }
        errors.Add(ValidationErrors.WrongType(where, value, FieldKind.NullableInteger));
        return null;
    }

    private static List<string>? UndoStack(JsonElement snapshot, object[] at, List<ValidationError> errors)
    {
        if (!snapshot.TryGetProperty("undo_stack", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        var where = ValidationErrors.At(at, "undo_stack");
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(ValidationErrors.Custom("list_type", where, value, "Input should be a valid list"));
            return null;
        }
        var versions = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                versions.Add(item.GetString()!);
            }
            else
            {
                errors.Add(ValidationErrors.WrongType(ValidationErrors.At(where, index), item, FieldKind.String));
            }
            index++;
        }
        return versions;
    }
}
