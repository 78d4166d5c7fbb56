using System.Text.Json;
using TraceFix.Server.Environment.Wire;

namespace TraceFix.Server.Environment.Validation;

/// <summary>Builders for the pydantic-style errors the validators report; messages follow pydantic's wording.</summary>
public static class ValidationErrors
{
    public static ValidationError Missing(object[] loc, JsonElement parent) =>
        new("missing", loc, "Field required", parent.Clone());

    public static ValidationError ExtraForbidden(object[] loc, JsonElement value) =>
        new("extra_forbidden", loc, "Extra inputs are not permitted", value.Clone());

    public static ValidationError NotAnObject(object[] loc, JsonElement value, string what) =>
        new("model_type", loc, $"Input should be a valid dictionary or object to extract fields from ({what})", value.Clone());

    public static ValidationError WrongType(object[] loc, JsonElement value, FieldKind kind) => kind switch
    {
        FieldKind.String or FieldKind.NullableString => new("string_type", loc, "Input should be a valid string", value.Clone()),
        FieldKind.NullableInteger => new("int_type", loc, "Input should be a valid integer", value.Clone()),
        FieldKind.Object => new("dict_type", loc, "Input should be a valid dictionary", value.Clone()),
        _ => new("enum", loc, "Input should be a valid string", value.Clone()),
    };

    public static ValidationError NotOneOf(object[] loc, JsonElement value, IEnumerable<string> allowed)
    {
        var expected = DescribeChoices(allowed);
        return new("enum", loc, $"Input should be {expected}", value.Clone(), new Dictionary<string, string> { ["expected"] = expected });
    }

    public static ValidationError Custom(string type, object[] loc, JsonElement value, string message) => new(type, loc, message, value.Clone());

    public static JsonElement JsonString(string text) => JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();

    /// <summary>'A', 'B' or 'C', as pydantic lists enum members.</summary>
    public static string DescribeChoices(IEnumerable<string> allowed)
    {
        var quoted = allowed.Select(a => $"'{a}'").ToList();
        return quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}";
    }

    public static object[] At(object[] prefix, params object[] rest) => [.. prefix, .. rest];
}
