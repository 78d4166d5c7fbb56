namespace TraceFix.Contracts.Runs;

/// <summary>One row of the runs list, also pushed by <c>RunStatusChanged</c>.</summary>
/// <param name="TaskSelection">What the run was asked to play: task names joined by commas, a tier ("easy") or "all".</param>
/// <param name="MeanScore">Mean final score of the finished episodes; null until one finishes.</param>
/// <param name="LastSequence">Sequence number of the last stored step (0 = none); the value to pass to <c>WatchRun</c>.</param>
public sealed record RunSummary(
    Guid Id,
    RunStatus Status,
    string AgentKind,
    string Model,
    string TaskSelection,
    int MaxSteps,
    int Seed,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    int EpisodeCount,
    int PlannedEpisodes,
    int SolvedCount,
    double? MeanScore,
    long TotalTokens,
    long LastSequence,
    Guid? ReplaySourceRunId,
    string? Error)
{
    /// <summary>
    /// The resolved task names the run plays, in order, joined by commas (what the task filter matches). A string, not a
    /// list, so that summaries keep value equality.
    /// </summary>
    public string PlannedTasks { get; init; } = "";

    /// <summary>The parent run and step this run forked from; null for a run that started from the task's code.</summary>
    public ForkOrigin? ForkedFrom { get; init; }

    /// <summary>The llm endpoint's name the run used (<c>default</c> or a <c>TraceFix:Models</c> name); null for other agents.</summary>
    public string? ModelEndpoint { get; init; }

    /// <summary>The prices the run was started with, in USD per million tokens; null when the run has none.</summary>
    public double? InputPricePerMTok { get; init; }

    public double? OutputPricePerMTok { get; init; }

    /// <summary>The prompt and completion parts of <see cref="TotalTokens"/> (finished episodes).</summary>
    public long PromptTokens { get; init; }

    public long CompletionTokens { get; init; }

    /// <summary>USD for <see cref="PromptTokens"/> and <see cref="CompletionTokens"/> at the run's prices; null without prices.</summary>
    public double? Cost { get; init; }
}
