using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Runs;

/// <summary>Lifecycle of a run. Serialized in lower case (<c>"running"</c>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RunStatus>))]
public enum RunStatus
{
    [JsonStringEnumMemberName("queued")] Queued,
    [JsonStringEnumMemberName("running")] Running,
    [JsonStringEnumMemberName("completed")] Completed,
    [JsonStringEnumMemberName("failed")] Failed,
    [JsonStringEnumMemberName("cancelled")] Cancelled,
    [JsonStringEnumMemberName("interrupted")] Interrupted,
}

public static class RunStatusExtensions
{
    public static bool IsTerminal(this RunStatus status) => status is not (RunStatus.Queued or RunStatus.Running);

    public static string ToWire(this RunStatus status) => status.ToString().ToLowerInvariant();
}
