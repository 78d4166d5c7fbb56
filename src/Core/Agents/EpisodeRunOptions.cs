namespace TraceFix.Core.Agents;

public sealed record EpisodeRunOptions
{
    public int MaxSteps { get; init; } = 50;

    public double SuccessThreshold { get; init; } = 0.98;

    /// <summary>Ends the episode when the same action type is chosen this many times in a row (0 = never), as the seed does.</summary>
    public int RepeatedActionLimit { get; init; } = 3;

    public int Seed { get; init; }
}
