using System.Text.Json;

namespace TraceFix.Server.OpenEnv.Validation;

/// <summary>Strict readings of JSON values: no string-to-number coercion, no fractional or exponent integers.</summary>
public static class JsonValues
{
    public static bool IsStrictInteger(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    public static bool TryGetInt32(JsonElement value, out int result)
    {
        result = 0;
        return IsStrictInteger(value) && value.TryGetInt32(out result);
    }
}
