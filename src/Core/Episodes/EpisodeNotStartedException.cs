namespace TraceFix.Core.Episodes;

/// <summary>A step arrived before any reset, so there is no episode to act on.</summary>
public sealed class EpisodeNotStartedException()
    : InvalidOperationException("step() called before any episode was started. Call reset() first.");
