namespace TraceFix.Contracts.Episodes;

/// <summary>The result of reset or step: the observation plus the reward and done flag the wire carries at the top level.</summary>
public sealed record StepResult(Observation Observation, double? Reward, bool Done);
