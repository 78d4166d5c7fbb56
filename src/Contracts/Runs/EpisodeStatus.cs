using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Runs;

/// <summary>Lifecycle of one episode inside a run. Serialized in lower case.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<EpisodeStatus>))]
public enum EpisodeStatus
{
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("interrupted")] Interrupted,
}
