namespace TraceFix.Contracts.Episodes;

/// <summary>Arguments of reset: a named task wins over a difficulty tier; the seed makes the pick reproducible.</summary>
/// <param name="Snapshot">Resume from this state instead of the task's buggy code (TraceFix extension; needs <paramref name="TaskName"/>).</param>
public sealed record ResetOptions(
    string? TaskName = null,
    string? Difficulty = null,
    int? Seed = null,
    string? EpisodeId = null,
    EpisodeSnapshot? Snapshot = null);
