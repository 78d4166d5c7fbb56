namespace TraceFix.Contracts.Episodes;

/// <summary>Arguments of reset: a named task wins over a difficulty tier; the seed makes the pick reproducible.</summary>
public sealed record ResetOptions(string? TaskName = null, string? Difficulty = null, int? Seed = null, string? EpisodeId = null);
