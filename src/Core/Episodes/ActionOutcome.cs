using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Episodes;

/// <summary>
/// What one action would do to the episode, computed before anything is changed, so a sandbox failure or a cancellation
/// in the middle of a step leaves the episode exactly as it was.
/// </summary>
internal sealed record ActionOutcome(string Output, double Reward)
{
    public string? ActionError { get; init; }

    public IReadOnlyList<string>? NewLines { get; init; }

    public HistoryChange History { get; init; }

    public AnchorChange Anchor { get; init; }

    public TestRunReport? Report { get; init; }

    public int? PassesAtRun { get; init; }

    public bool EndsEpisode { get; init; }

    public double? FinalScore { get; init; }
}
