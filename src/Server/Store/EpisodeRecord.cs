using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

public sealed class EpisodeRecord
{
    public long Id { get; set; }
    public Guid RunId { get; set; }
    public int Index { get; set; }
    public required string TaskName { get; set; }
    public required string Difficulty { get; set; }
    public EpisodeStatus Status { get; set; }
    public bool Success { get; set; }
    public double? FinalScore { get; set; }
    public int StepCount { get; set; }

    /// <summary>Failure labels separated by commas.</summary>
    public string FailureLabels { get; set; } = "";

    public string? StopReason { get; set; }
    public string OriginalCode { get; set; } = "";
    public long Tokens { get; set; }

    /// <summary>The prompt part of <see cref="Tokens"/>, for the cost at the run's prices.</summary>
    public long PromptTokens { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public List<StepRecord> Steps { get; set; } = [];
}
