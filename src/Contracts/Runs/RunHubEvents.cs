namespace TraceFix.Contracts.Runs;

/// <summary>A step was stored. Delivered by the <c>WatchRun</c> stream in <see cref="StepDto.Sequence"/> order.</summary>
public sealed record StepRecorded(Guid RunId, long EpisodeId, StepDto Step);

/// <summary>A run was created, started, made progress at an episode boundary, or ended.</summary>
public sealed record RunStatusChanged(RunSummary Run);

/// <summary>An episode began; <see cref="EpisodeDto.Steps"/> is empty.</summary>
public sealed record EpisodeStarted(Guid RunId, EpisodeDto Episode);

/// <summary>An episode ended; <see cref="EpisodeDto.Steps"/> is empty.</summary>
public sealed record EpisodeFinished(Guid RunId, EpisodeDto Episode);

/// <summary>A run was deleted.</summary>
public sealed record RunDeleted(Guid RunId);

/// <summary>
/// Text the model is generating for a step that is not stored yet, sent to the run's viewers about every 100 ms.
/// <see cref="Restart"/> means the model call started again (a retry or the plain fallback): drop the text shown so far
/// for that step, then append <see cref="Text"/>. The stored step, when it arrives, replaces all of it.
/// </summary>
public sealed record ModelTextStreamed(Guid RunId, long EpisodeId, int Step, string Text, bool Restart);
