using System.Text.Json.Serialization;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Server.OpenEnv.Wire;

/// <summary>
/// The answer to reset and step (OpenEnv's newest layout): reward and done at the top level, metadata both inside the
/// observation and copied to the top level when it is not empty.
/// </summary>
public sealed record StepResponse(
    [property: JsonPropertyName("observation")] Observation Observation,
    [property: JsonPropertyName("reward")] double? Reward,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object?>? Metadata)
{
    public static StepResponse From(StepResult result) =>
        new(result.Observation, result.Reward, result.Done, result.Observation.Metadata.Count > 0 ? result.Observation.Metadata : null);
}
