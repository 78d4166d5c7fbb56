namespace TraceFix.Core.Tasks;

/// <summary>One debugging task loaded from a task directory. The tests and the fix never reach the agent.</summary>
public sealed record DebugTask(
    string Name,
    string? Id,
    Difficulty Difficulty,
    string Title,
    string Description,
    string? BugType,
    string SolutionCode,
    string TestCode,
    string FixedCode,
    TimeSpan Timeout,
    string SourceDirectory)
{
    /// <summary>Each test's own wall-clock limit inside <see cref="Timeout"/> (task.json <c>test_timeout_s</c>).</summary>
    public TimeSpan TestTimeout { get; init; } = Timeout < TaskPackLoader.DefaultTestTimeout ? Timeout : TaskPackLoader.DefaultTestTimeout;

    public IReadOnlyList<string> SolutionLines => SourceText.SplitLines(SolutionCode);
}
