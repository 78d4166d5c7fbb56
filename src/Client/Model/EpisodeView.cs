namespace TraceFix.Client.Model;

/// <summary>One episode of a run: the task, its original code and the steps taken so far.</summary>
public sealed record EpisodeView
{
    public required int Index { get; init; }
    public required string TaskName { get; init; }
    public string? Difficulty { get; init; }
    public IReadOnlyList<string> OriginalCode { get; init; } = [];
    public IReadOnlyList<StepView> Steps { get; init; } = [];
    public int MaxSteps { get; init; } = 50;
    public double? Score { get; init; }
    public bool? Success { get; init; }
    public string? StopReason { get; init; }
    public bool Finished { get; init; }

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
}
