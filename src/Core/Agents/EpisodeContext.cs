using TraceFix.Contracts.Environment;

namespace TraceFix.Core.Agents;

/// <summary>What an agent learns when an episode starts.</summary>
public sealed record EpisodeContext(string TaskName, string? Difficulty, StepResult Reset, int MaxSteps, int Seed);
