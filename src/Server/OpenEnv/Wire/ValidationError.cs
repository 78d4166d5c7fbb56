using System.Text.Json;
using System.Text.Json.Serialization;

namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>One field-level problem, shaped like a pydantic error so that Python clients can print it as they do FastAPI's.</summary>
public sealed record ValidationError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("loc")] IReadOnlyList<object> Loc,
    [property: JsonPropertyName("msg")] string Msg,
    [property: JsonPropertyName("input")] JsonElement? Input,
    [property: JsonPropertyName("ctx"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Ctx = null);
