using System.Globalization;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Replay;

/// <summary>
/// Re-executes a stored trajectory's actions in order and compares each step's reward, done flag and observation
/// fingerprint with the recording. By default it stops at the first divergence (the rest of the recording no longer
/// applies); <see cref="Report"/> says where that was.
/// </summary>
public sealed class ReplayAgent(IReadOnlyList<RecordedStep> recording, bool stopAtDivergence = true) : IAgent
{
    private const double RewardTolerance = 1e-6;
    private int _next;
    private Divergence? _divergence;

    public string Kind => "replay";

    public string Model => "replay";

    public DivergenceReport Report => new(recording.Count, _next, _divergence);

    public void BeginEpisode(EpisodeContext context)
    {
        _next = 0;
        _divergence = null;
    }

    public ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
    {
        if (_next > 0)
        {
            Compare(recording[_next - 1], current);
        }
        if (_divergence is not null && stopAtDivergence)
        {
            return ValueTask.FromResult(AgentDecision.Stop($"REPLAY_DIVERGED: {Report}"));
        }
        if (_next >= recording.Count)
        {
            return ValueTask.FromResult(AgentDecision.Stop("REPLAY_COMPLETE"));
        }
        var action = recording[_next++].Action;
        return ValueTask.FromResult(AgentDecision.Act(action));
    }

    /// <summary>Checks the step the environment just answered; call it after the episode too, for the last step.</summary>
    public void Observe(StepResult last)
    {
        if (_next > 0 && _divergence is null)
        {
            Compare(recording[_next - 1], last);
        }
    }

    private void Compare(RecordedStep expected, StepResult actual)
    {
        if (_divergence is not null)
        {
            return;
        }
        var reward = actual.Reward ?? 0.0;
        var fingerprint = ObservationFingerprint.Compute(actual.Observation);
        _divergence = Math.Abs(reward - expected.Reward) > RewardTolerance
            ? new Divergence(expected.Step, "reward", Format(expected.Reward), Format(reward))
            : expected.Done != actual.Done
                ? new Divergence(expected.Step, "done", Lower(expected.Done), Lower(actual.Done))
                : !string.Equals(expected.ObservationFingerprint, fingerprint, StringComparison.Ordinal)
                    ? new Divergence(expected.Step, "observation", expected.ObservationFingerprint, fingerprint)
                    : null;
    }

    private static string Format(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Lower(bool value) => value ? "true" : "false";
}
