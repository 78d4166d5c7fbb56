using System.Text.Json.Serialization;

namespace TraceFix.Contracts.Episodes;

/// <summary>What the agent sees after reset or a step. Field names and types follow the original client's typed model.</summary>
public sealed record Observation
{
    [JsonPropertyName("code_dict")]
    public Dictionary<string, string> CodeDict { get; init; } = [];

    [JsonPropertyName("localized_context")]
    public string LocalizedContext { get; init; } = "";

    [JsonPropertyName("last_execution_output")]
    public string LastExecutionOutput { get; init; } = "";

    [JsonPropertyName("syntax_error")]
    public bool SyntaxError { get; init; }

    [JsonPropertyName("test_results")]
    public List<TestResult> TestResults { get; init; } = [];

    [JsonPropertyName("step_count")]
    public int StepCount { get; init; }

    [JsonPropertyName("steps_remaining")]
    public int StepsRemaining { get; init; }

    [JsonPropertyName("reward_last_step")]
    public double RewardLastStep { get; init; }

    [JsonPropertyName("info")]
    public Dictionary<string, object?> Info { get; init; } = [];

    [JsonPropertyName("metadata")]
    public Dictionary<string, object?> Metadata { get; init; } = [];

    [JsonPropertyName("done")]
    public bool Done { get; init; }

    [JsonPropertyName("reward")]
    public double? Reward { get; init; }
}
