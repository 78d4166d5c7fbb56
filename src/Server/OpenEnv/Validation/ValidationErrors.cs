using System.Text.Json;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>Builders for the pydantic-style errors the validators report; messages follow pydantic's wording.</summary>
public static class ValidationErrors
{
    public static ValidationError Missing(object[] loc, JsonElement parent) =>
        new("missing", loc, "Field required", Echo(parent));

    public static ValidationError ExtraForbidden(object[] loc, JsonElement value) =>
        new("extra_forbidden", loc, "Extra inputs are not permitted", Echo(value));

    public static ValidationError NotAnObject(object[] loc, JsonElement value, string what) =>
        new("model_type", loc, $"Input should be a valid dictionary or object to extract fields from ({what})", Echo(value));

    public static ValidationError WrongType(object[] loc, JsonElement value, FieldKind kind) => kind switch
    {
        FieldKind.String or FieldKind.NullableString => new("string_type", loc, "Input should be a valid string", Echo(value)),
        FieldKind.NullableInteger => new("int_type", loc, "Input should be a valid integer", Echo(value)),
        FieldKind.Object or FieldKind.NullableObject => new("dict_type", loc, "Input should be a valid dictionary", Echo(value)),
        _ => new("enum", loc, "Input should be a valid string", Echo(value)),
    };

    public static ValidationError NotOneOf(object[] loc, JsonElement value, IEnumerable<string> allowed)
    {
        var expected = DescribeChoices(allowed);
        return new("enum", loc, $"Input should be {expected}", Echo(value), new Dictionary<string, string> { ["expected"] = expected });
    }

    public static ValidationError Custom(string type, object[] loc, JsonElement value, string message) => new(type, loc, message, Echo(value));

    // Errors are written a few levels below the response root, and writers stop at depth 64: an input nested deeper
    // than this (parsing allows 64) would turn a 4xx into a serialization failure, so it is echoed as a note instead.
    private const int MaxEchoDepth = 24;

    private static JsonElement Echo(JsonElement value) =>
        Depth(value, 0) > MaxEchoDepth ? JsonString("(input nested too deeply to echo)") : value.Clone();

    private static int Depth(JsonElement value, int depth) => depth > MaxEchoDepth ? depth : value.ValueKind switch
    {
        JsonValueKind.Object => value.EnumerateObject().Select(p => Depth(p.Value, depth + 1)).DefaultIfEmpty(depth + 1).Max(),
        JsonValueKind.Array => value.EnumerateArray().Select(v => Depth(v, depth + 1)).DefaultIfEmpty(depth + 1).Max(),
        _ => depth,
    };

    public static JsonElement JsonString(string text) => JsonDocument.Parse(JsonSerializer.Serialize(text)).RootElement.Clone();

    /// <summary>'A', 'B' or 'C', as pydantic lists enum members.</summary>
    public static string DescribeChoices(IEnumerable<string> allowed)
    {
        var quoted = allowed.Select(a => $"'{a}'").ToList();
        return quoted.Count == 1 ? quoted[0] : $"{string.Join(", ", quoted[..^1])} or {quoted[^1]}";
    }

    public static object[] At(object[] prefix, params object[] rest) => [.. prefix, .. rest];
}
