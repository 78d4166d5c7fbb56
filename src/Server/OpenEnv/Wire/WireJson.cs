using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>JSON settings of the environment wire format.</summary>
public static class WireJson
{
    /// <summary>
    /// Serializes observations the way OpenEnv's serialize_observation does: <c>done</c> and <c>reward</c> are left out of
    /// the nested observation because they travel at the top level of the response.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = Frozen(new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { HideTopLevelFieldsOfObservation } },
    });

    /// <summary>Plain settings for documents that are not observations (state, schema, metadata).</summary>
    public static JsonSerializerOptions Plain { get; } = Frozen(new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = null,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
    });

    private static JsonSerializerOptions Frozen(JsonSerializerOptions options)
    {
        options.MakeReadOnly();
        return options;
    }

    private static void HideTopLevelFieldsOfObservation(JsonTypeInfo info)
    {
        if (info.Type != typeof(Observation))
        {
            return;
        }
        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            if (info.Properties[i].Name is "done" or "reward")
            {
                info.Properties.RemoveAt(i);
            }
        }
    }
}
