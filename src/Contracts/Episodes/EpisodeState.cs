using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Episodes;

/// <summary>The state document returned by the OpenEnv <c>state</c> call.</summary>
public sealed record EpisodeState
{
    [JsonPropertyName("episode_id")]
    public string? EpisodeId { get; init; }

    [JsonPropertyName("step_count")]
    public int StepCount { get; init; }

    [JsonPropertyName("task_name")]
    public string? TaskName { get; init; }

    [JsonPropertyName("task_difficulty")]
    public string? TaskDifficulty { get; init; }

    [JsonPropertyName("done")]
    public bool Done { get; init; }

    [JsonPropertyName("max_steps")]
    public int MaxSteps { get; init; }

    [JsonPropertyName("cumulative_reward")]
    public double CumulativeReward { get; init; }
}
