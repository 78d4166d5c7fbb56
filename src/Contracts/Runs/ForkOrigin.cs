namespace TraceFix.Contracts.Runs;

/// <summary>Where a forked run started: the parent run's step, by sequence and by its place in the parent.</summary>
/// <param name="Sequence">The parent step's run-wide sequence number.</param>
/// <param name="EpisodeIndex">0-based episode of the parent the step belongs to.</param>
/// <param name="StepIndex">The step's number inside that episode; the fork's first step is <c>StepIndex + 1</c>.</param>
public sealed record ForkOrigin(Guid RunId, long Sequence, int EpisodeIndex, int StepIndex);
