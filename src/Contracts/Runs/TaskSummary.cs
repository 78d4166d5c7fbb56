namespace TraceFix.Contracts.Runs;

/// <summary>A task in the catalog list. The hidden tests and the reference fix are never exposed.</summary>
public sealed record TaskSummary(string Name, string? Id, string Difficulty, string Title, string? BugType, int LineCount);
