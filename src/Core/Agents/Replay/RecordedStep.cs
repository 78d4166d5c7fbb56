using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Replay;

/// <summary>One step of a stored trajectory: the action taken, the reward it earned and the fingerprint of what came back.</summary>
public sealed record RecordedStep(int Step, CodeAction Action, double Reward, string ObservationFingerprint, bool Done = false)
{
    public static RecordedStep From(EpisodeStep step) =>
        new(step.Step, step.Action, step.Result.Reward ?? 0.0, Replay.ObservationFingerprint.Compute(step.Result.Observation), step.Result.Done);
}
