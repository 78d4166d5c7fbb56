using System.Text.Json.Nodes;
using TraceFix.Server.OpenEnv.Validation;

namespace TraceFix.Server.OpenEnv.Schema;

/// <summary>JSON schemas written from the same field tables the validators enforce, so the two cannot drift apart.</summary>
public static class WireFieldSchema
{
    public static JsonObject ForObject(string title, IReadOnlyList<WireField> fields, bool additionalProperties)
    {
        var properties = new JsonObject();
        foreach (var field in fields)
        {
            var schema = ForKind(field.Kind);
            schema["description"] = field.Description;
            properties[field.Name] = schema;
        }
        return new JsonObject
        {
            ["title"] = title,
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = new JsonArray(fields.Where(f => f.Required).Select(f => (JsonNode)JsonValue.Create(f.Name)).ToArray()),
            ["additionalProperties"] = additionalProperties,
        };
    }

    private static JsonObject ForKind(FieldKind kind) => kind switch
    {
        FieldKind.String => new JsonObject { ["type"] = "string" },
        FieldKind.NullableString => new JsonObject { ["type"] = new JsonArray("string", "null"), ["default"] = null },
        FieldKind.NullableInteger => new JsonObject { ["type"] = new JsonArray("integer", "null"), ["default"] = null },
        FieldKind.Object => new JsonObject { ["type"] = "object", ["additionalProperties"] = true, ["default"] = new JsonObject() },
        FieldKind.NullableObject => new JsonObject { ["type"] = new JsonArray("object", "null"), ["default"] = null },
        FieldKind.ActionType => new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray(ActionValidator.ActionTypeNames.Select(n => (JsonNode)JsonValue.Create(n)).ToArray()),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
