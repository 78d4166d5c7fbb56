namespace TraceFix.Server.Store;

/// <summary>One stored step. <see cref="Sequence"/> increases by one per step across the whole run.</summary>
public sealed class StepRecord
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public long EpisodeId { get; set; }
    public long Sequence { get; set; }
    public int Index { get; set; }
    public string Thought { get; set; } = "";
    public required string ActionType { get; set; }
    public int? StartLine { get; set; }
    public int? EndLine { get; set; }
    public string? CodeBlock { get; set; }
    public double Reward { get; set; }
    public double CumulativeReward { get; set; }
    public bool Done { get; set; }
    public string? Error { get; set; }
    public int PassCount { get; set; }
    public int TestTotal { get; set; }

    /// <summary>The test verdicts as a JSON array of <c>{test_name, passed, error_message}</c>.</summary>
    public string TestResultsJson { get; set; } = "[]";

    public bool SyntaxError { get; set; }
    public string Output { get; set; } = "";
    public string CodeSnapshot { get; set; } = "";
    public double LatencyMs { get; set; }
    public double EnvironmentLatencyMs { get; set; }
    public int PromptTokens { get; set; }
    public int CompletionTokens { get; set; }
    public DateTimeOffset Timestamp { get; set; }
}
