namespace TraceFix.Core.Episodes;

/// <summary>A step arrived after the episode ended; only a reset can continue.</summary>
public sealed class EpisodeFinishedException()
    : InvalidOperationException("step() called on a finished episode. Call reset() first.");
