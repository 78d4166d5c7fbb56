namespace TraceFix.Contracts.Runs;

/// <summary>Names used on <c>/hubs/runs</c>, so the client does not repeat string literals.</summary>
public static class RunsHubMethods
{
    public const string Path = "/hubs/runs";

    /// <summary>Hub method (no arguments): receive status changes of every run.</summary>
    public const string SubscribeRuns = "SubscribeRuns";

    public const string UnsubscribeRuns = "UnsubscribeRuns";

    /// <summary>Hub method (Guid runId): receive one run's status and episode events.</summary>
    public const string JoinRun = "JoinRun";

    public const string LeaveRun = "LeaveRun";

    /// <summary>
    /// Streaming hub method (Guid runId, long afterSequence) yielding <see cref="Runs.StepRecorded"/>: first the stored steps with
    /// a sequence above <c>afterSequence</c>, then live ones, in order with no gap and no duplicate. It completes once the run has
    /// ended and every step was sent. Pass 0 to get everything; after a reconnect pass the last sequence received.
    /// </summary>
    public const string WatchRun = "WatchRun";

    public const string RunStatusChanged = nameof(IRunsClient.RunStatusChanged);
    public const string RunDeleted = nameof(IRunsClient.RunDeleted);
    public const string EpisodeStarted = nameof(IRunsClient.EpisodeStarted);
    public const string EpisodeFinished = nameof(IRunsClient.EpisodeFinished);
    public const string ModelTextStreamed = nameof(IRunsClient.ModelTextStreamed);
}
