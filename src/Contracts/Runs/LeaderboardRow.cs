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
    double MeanTokens);
