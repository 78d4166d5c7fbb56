using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Model;

/// <summary>One episode of a run: the task, its original code and the steps taken so far.</summary>
public sealed record EpisodeView
{
    public long Id { get; init; }
    public required int Index { get; init; }
    public required string TaskName { get; init; }
    public string? Difficulty { get; init; }
    public EpisodeStatus Status { get; init; } = EpisodeStatus.Running;
    public IReadOnlyList<string> OriginalCode { get; init; } = [];
    public IReadOnlyList<StepView> Steps { get; init; } = [];
    public int MaxSteps { get; init; } = 50;
    public double? Score { get; init; }
    public bool? Success { get; init; }
    public string? StopReason { get; init; }

    /// <summary>Why the episode failed, as <see cref="FailureLabelCodes"/> the server computed.</summary>
    public IReadOnlyList<string> FailureLabels { get; init; } = [];

    /// <summary>Steps the server had stored when the episode header was read; steps may still be loading.</summary>
    public int StepCountHint { get; init; }

    public bool Finished => Status != EpisodeStatus.Running;

    /// <summary>The code before step <paramref name="number"/> (1-based); the original code before step 1.</summary>
    public IReadOnlyList<string> CodeBefore(int number)
    {
        for (var i = Math.Min(number - 1, Steps.Count) - 1; i >= 0; i--)
        {
            if (Steps[i].Code.Count > 0)
            {
                return Steps[i].Code;
            }
        }
        return OriginalCode;
    }

    /// <summary>The code after step <paramref name="number"/>, falling back to the latest known code.</summary>
    public IReadOnlyList<string> CodeAfter(int number) => CodeBefore(number + 1);

    public static EpisodeView From(EpisodeDto dto, int maxSteps, IReadOnlyList<StepView>? steps = null) => new()
    {
        Id = dto.Id,
        Index = dto.Index,
        TaskName = dto.TaskName,
        Difficulty = dto.Difficulty,
        Status = dto.Status,
        OriginalCode = CodeLines.Split(dto.OriginalCode),
        Steps = steps ?? [.. dto.Steps.OrderBy(s => s.Index).Select(StepView.From)],
        MaxSteps = maxSteps,
        Score = dto.FinalScore,
        Success = dto.Status == EpisodeStatus.Running ? null : dto.Success,
        StopReason = dto.StopReason,
        FailureLabels = dto.FailureLabels,
        StepCountHint = dto.StepCount,
    };
}
