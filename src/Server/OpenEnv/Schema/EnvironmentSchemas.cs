using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Validation;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Schema;

/// <summary>The document served at GET /schema: JSON schemas of the action, the observation and the state.</summary>
public static class EnvironmentSchemas
{
    private static readonly Lazy<JsonObject> Document = new(Build);

    public static JsonObject Get() => (JsonObject)Document.Value.DeepClone();

    private static JsonObject Build()
    {
        var exporter = new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true };
        var observation = (JsonObject)WireJson.Plain.GetJsonSchemaAsNode(typeof(Observation), exporter);
        observation["title"] = "Observation";
        var state = (JsonObject)WireJson.Plain.GetJsonSchemaAsNode(typeof(EpisodeState), exporter);
        state["title"] = "State";
        return new JsonObject
        {
            ["action"] = WireFieldSchema.ForObject("CodeAction", ActionValidator.Fields, additionalProperties: false),
            ["observation"] = observation,
            ["state"] = state,
            ["reset"] = WireFieldSchema.ForObject("ResetArguments", ResetValidator.Fields, additionalProperties: true),
        };
    }
}
