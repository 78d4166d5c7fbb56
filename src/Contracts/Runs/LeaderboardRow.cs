namespace TraceFix.Contracts.Runs;

/// <summary>Aggregate of finished episodes for one task and one agent/model pair.</summary>
public sealed record LeaderboardRow(
    string TaskName,
    string Difficulty,
    string AgentKind,
    string Model,
    int Episodes,
    int Solved,
    double SolveRate,
    double MeanSteps,
    double MeanScore,
    double MeanTokens)
{
    /// <summary>USD of these episodes at their runs' prices; null when none of them has a price.</summary>
    public double? Cost { get; init; }

    /// <summary><see cref="Cost"/> divided by <see cref="Solved"/>; null without a price or a solved episode.</summary>
    public double? CostPerSolved { get; init; }
}
