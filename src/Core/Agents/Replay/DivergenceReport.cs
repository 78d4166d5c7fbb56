namespace TraceFix.Core.Agents.Replay;

/// <summary>Where a replay first parted from the recording, if it did.</summary>
public sealed record Divergence(int Step, string Field, string Expected, string Actual);

/// <summary>
/// The outcome of a replay: how many recorded steps were re-executed and the first divergence (null when the replay
/// matched the recording step for step).
/// </summary>
public sealed record DivergenceReport(int RecordedSteps, int ReplayedSteps, Divergence? FirstDivergence)
{
    public bool Faithful => FirstDivergence is null && ReplayedSteps == RecordedSteps;

    public override string ToString() => FirstDivergence is { } d
        ? $"diverged at step {d.Step}: {d.Field} was {d.Expected} when recorded, {d.Actual} on replay"
        : ReplayedSteps == RecordedSteps
            ? $"all {RecordedSteps} steps replayed identically"
            : $"replay stopped after {ReplayedSteps} of {RecordedSteps} steps";
}
