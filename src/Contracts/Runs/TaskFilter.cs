namespace TraceFix.Contracts.Runs;

/// <summary>
/// The runs list's task filter, one rule for server and dashboard: a run matches when the task's whole name (trimmed,
/// case-sensitive like task names) is one of the tasks it planned to play. The store runs the same rule in SQL.
/// </summary>
public static class TaskFilter
{
    public static string? Normalize(string? task) => string.IsNullOrWhiteSpace(task) ? null : task.Trim();

    public static bool Matches(RunSummary run, string? task) =>
        Normalize(task) is not { } name || run.PlannedTasks.Split(',').Contains(name, StringComparer.Ordinal);
}
