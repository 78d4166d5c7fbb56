using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>
/// Reads reset keyword arguments. Known keys are type-checked strictly; unknown keys are ignored, as OpenEnv drops
/// keyword arguments that the environment's reset does not name.
/// </summary>
public static class ResetValidator
{
    public const int MaxEpisodeIdLength = 255;

    public static readonly IReadOnlyList<WireField> Fields =
    [
        new("task_name", FieldKind.NullableString, Required: false, "A task name or id (e.g. binary_search_off_by_one or task2_medium); wins over difficulty."),
        new("difficulty", FieldKind.NullableString, Required: false, "easy, medium or hard: pick a task of that tier."),
        new("seed", FieldKind.NullableInteger, Required: false, "Non-negative seed that makes the task pick reproducible."),
        new("episode_id", FieldKind.NullableString, Required: false, "Id to give the new episode (at most 255 characters)."),
        new("snapshot", FieldKind.NullableObject, Required: false,
            "TraceFix extension: resume from {code, step_count, undo_stack?, cumulative_reward?, passes_at_last_run?} instead of the task's buggy code; needs task_name."),
    ];

    public static readonly IReadOnlyList<string> Difficulties = ["easy", "medium", "hard"];

    /// <param name="arguments">The reset arguments; an undefined or null element means no arguments.</param>
    public static Validated<ResetOptions> Validate(JsonElement arguments, params object[] loc)
    {
        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return Validated<ResetOptions>.Ok(new ResetOptions());
        }
        if (arguments.ValueKind != JsonValueKind.Object)
        {
            return Validated<ResetOptions>.Fail(ValidationErrors.WrongType(loc, arguments, FieldKind.Object));
        }

        var errors = new List<ValidationError>();
        var taskName = ReadString(arguments, "task_name", loc, errors);
        var difficulty = ReadString(arguments, "difficulty", loc, errors);
        var episodeId = ReadString(arguments, "episode_id", loc, errors);
        int? seed = null;
        var snapshot = SnapshotArgument.Read(arguments, loc, errors);

        if (difficulty is not null)
        {
            var normalised = difficulty.Trim().ToLowerInvariant();
            if (Difficulties.Contains(normalised))
            {
                difficulty = normalised;
            }
            else
            {
                errors.Add(ValidationErrors.NotOneOf(ValidationErrors.At(loc, "difficulty"), arguments.GetProperty("difficulty"), Difficulties));
            }
        }
        if (episodeId is { Length: > MaxEpisodeIdLength })
        {
            errors.Add(ValidationErrors.Custom("string_too_long", ValidationErrors.At(loc, "episode_id"), arguments.GetProperty("episode_id"),
                $"String should have at most {MaxEpisodeIdLength} characters"));
        }
        if (arguments.TryGetProperty("seed", out var seedValue) && seedValue.ValueKind != JsonValueKind.Null)
        {
            var at = ValidationErrors.At(loc, "seed");
            if (!JsonValues.IsStrictInteger(seedValue))
            {
                errors.Add(ValidationErrors.WrongType(at, seedValue, FieldKind.NullableInteger));
            }
            else if (!seedValue.TryGetInt32(out var parsed) || parsed < 0)
            {
                errors.Add(ValidationErrors.Custom("greater_than_equal", at, seedValue, "Input should be an integer between 0 and 2147483647"));
            }
            else
            {
                seed = parsed;
            }
        }

        return errors.Count > 0
            ? Validated<ResetOptions>.Fail(errors)
            : Validated<ResetOptions>.Ok(new ResetOptions(taskName, difficulty, seed, episodeId, snapshot));
    }

    private static string? ReadString(JsonElement arguments, string name, object[] loc, List<ValidationError> errors)
    {
        if (!arguments.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }
        errors.Add(ValidationErrors.WrongType(ValidationErrors.At(loc, name), value, FieldKind.NullableString));
        return null;
    }
}
