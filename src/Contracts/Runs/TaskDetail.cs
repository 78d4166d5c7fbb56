namespace TraceFix.Contracts.Runs;

/// <summary>A task's description and buggy code. The hidden tests and the reference fix are never exposed.</summary>
public sealed record TaskDetail(
    string Name,
    string? Id,
    string Difficulty,
    string Title,
    string Description,
    string? BugType,
    string BuggyCode);
