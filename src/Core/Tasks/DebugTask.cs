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
    public IReadOnlyList<string> SolutionLines => SourceText.SplitLines(SolutionCode);
}
