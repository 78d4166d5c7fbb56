namespace TraceFix.Contracts.Runs;

/// <summary>One episode of a run. <see cref="Steps"/> is empty in hub events and filled in the run detail.</summary>
/// <param name="Index">0-based position of the episode in its run.</param>
/// <param name="FailureLabels">Why an unsolved episode failed, e.g. "budget_exhausted", "kill_switch", "parse_error", "syntax_error", "tests_failing".</param>
/// <param name="OriginalCode">The buggy code the episode started from; each step carries the full code after it.</param>
public sealed record EpisodeDto(
    long Id,
    Guid RunId,
    int Index,
    string TaskName,
    string Difficulty,
    EpisodeStatus Status,
    bool Success,
    double? FinalScore,
    int StepCount,
    IReadOnlyList<string> FailureLabels,
    string? StopReason,
    string OriginalCode,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<StepDto> Steps);
