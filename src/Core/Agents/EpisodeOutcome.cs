namespace TraceFix.Core.Agents;

/// <summary>How an episode ended, scored the way the seed script scores it.</summary>
public sealed record EpisodeOutcome(
    string TaskName,
    bool Success,
    int Steps,
    double Score,
    IReadOnlyList<double> Rewards,
    string? StopReason)
{
    public bool Killed => StopReason is not null;
}
