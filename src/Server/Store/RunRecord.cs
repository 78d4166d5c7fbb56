using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>A stored run. Per-step counters (last sequence) are derived from the steps, so a step insert touches one table only.</summary>
public sealed class RunRecord
{
    public Guid Id { get; set; }
    public RunStatus Status { get; set; }
    public required string AgentKind { get; set; }
    public required string Model { get; set; }

    /// <summary>The llm agent's endpoint by name (<c>TraceFix:Models:{name}</c> or <c>default</c>); null for other agents.</summary>
    public string? ModelEndpoint { get; set; }

    /// <summary>The endpoint's prices when the run was accepted, in USD per million tokens; null for runs without a price.</summary>
    public double? InputPricePerMTok { get; set; }

    public double? OutputPricePerMTok { get; set; }
    public required string TaskSelection { get; set; }

    /// <summary>Resolved task names, in play order, separated by newlines.</summary>
    public required string PlannedTasks { get; set; }

    public int MaxSteps { get; set; }
    public int Seed { get; set; }
    public Guid? ReplaySourceRunId { get; set; }

    /// <summary>The run this one forked from (with <see cref="ForkSequence"/>, the step); not a foreign key, so a parent can be deleted.</summary>
    public Guid? ParentRunId { get; set; }

    public long? ForkSequence { get; set; }

    /// <summary>The forked step's episode (0-based) and step number in the parent, for display and links.</summary>
    public int? ForkEpisodeIndex { get; set; }

    public int? ForkStepIndex { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public int PlannedEpisodes { get; set; }
    public int EpisodeCount { get; set; }
    public int SolvedCount { get; set; }
    public int ScoredEpisodes { get; set; }
    public double ScoreSum { get; set; }
    public long TotalTokens { get; set; }

    /// <summary>The prompt part of <see cref="TotalTokens"/> (the rest are completion tokens), for the cost.</summary>
    public long PromptTokens { get; set; }
    public string? Error { get; set; }

    /// <summary>The instance that plays the run (engine or manual play), while it runs.</summary>
    public string? ClaimedBy { get; set; }

    /// <summary>When the holder's lease runs out unless its heartbeat renews it; then the run becomes interrupted.</summary>
    public DateTimeOffset? LeaseExpiresAt { get; set; }

    /// <summary>A cancel asked through an instance that does not play the run; its holder polls this.</summary>
    public bool CancelRequested { get; set; }
    public List<EpisodeRecord> Episodes { get; set; } = [];

    public IReadOnlyList<string> PlannedTaskNames => PlannedTasks.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
