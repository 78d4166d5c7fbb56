using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents;

/// <summary>What an agent learns when an episode starts.</summary>
public sealed record EpisodeContext(string TaskName, string? Difficulty, StepResult Reset, int MaxSteps, int Seed);
