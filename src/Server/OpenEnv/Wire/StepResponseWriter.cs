using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>
/// Writes a <see cref="StepResponse"/> field by field with cached type metadata; the hot path of every reset and step.
/// Produces the same JSON as serializing the record with <see cref="WireJson.Options"/>.
/// </summary>
public static class StepResponseWriter
{
    private static readonly JsonTypeInfo<Observation> ObservationInfo = (JsonTypeInfo<Observation>)WireJson.Options.GetTypeInfo(typeof(Observation));
    private static readonly JsonTypeInfo<Dictionary<string, object?>> MetadataInfo =
        (JsonTypeInfo<Dictionary<string, object?>>)WireJson.Options.GetTypeInfo(typeof(Dictionary<string, object?>));

    public static void Write(Utf8JsonWriter writer, StepResult result)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("observation");
        JsonSerializer.Serialize(writer, result.Observation, ObservationInfo);
        if (result.Reward is { } reward)
        {
            writer.WriteNumber("reward", reward);
        }
        else
        {
            writer.WriteNull("reward");
        }
        writer.WriteBoolean("done", result.Done);
        if (result.Observation.Metadata.Count > 0)
        {
            writer.WritePropertyName("metadata");
            JsonSerializer.Serialize(writer, result.Observation.Metadata, MetadataInfo);
        }
        writer.WriteEndObject();
    }
}
