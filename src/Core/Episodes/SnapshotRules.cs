using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Episodes;

/// <summary>What a snapshot reset must satisfy; anything else is refused before the episode in progress is touched.</summary>
public static class SnapshotRules
{
    /// <summary>The largest code version a snapshot may carry, as for a task's source file in a pack.</summary>
    public const int MaxCodeChars = 256 * 1024;

    /// <summary>All code versions of one snapshot together (current code plus undo stack).</summary>
    public const int MaxTotalChars = 4 * 1024 * 1024;

    /// <exception cref="ArgumentException">The snapshot breaks a rule; the message says which.</exception>
    public static void Check(ResetOptions options, int maxSteps)
    {
        if (options.Snapshot is not { } snapshot)
        {
            return;
        }
        if (string.IsNullOrWhiteSpace(options.TaskName))
        {
            throw Invalid("a snapshot reset needs task_name: the task whose tests the restored code is run against");
        }
        if (snapshot.Code is null)
        {
            throw Invalid("snapshot.code is required");
        }
        if (snapshot.StepCount < 0 || snapshot.StepCount >= maxSteps)
        {
            throw Invalid($"snapshot.step_count {snapshot.StepCount} is outside 0..{maxSteps - 1}: the episode allows {maxSteps} steps and at least one must remain");
        }
        var stack = snapshot.UndoStack ?? [];
        if (stack.Count > snapshot.StepCount)
        {
            throw Invalid($"snapshot.undo_stack has {stack.Count} versions but only {snapshot.StepCount} step(s) were taken; each edit takes a step");
        }
        if (stack.Any(version => version is null))
        {
            throw Invalid("snapshot.undo_stack holds a null version");
        }
        if (snapshot.Code.Length > MaxCodeChars || stack.Any(version => version.Length > MaxCodeChars))
        {
            throw Invalid($"a snapshot code version is larger than {MaxCodeChars / 1024} KiB");
        }
        if (snapshot.Code.Length + stack.Sum(version => (long)version.Length) > MaxTotalChars)
        {
            throw Invalid($"the snapshot's code versions together exceed {MaxTotalChars / (1024 * 1024)} MiB");
        }
        if (!double.IsFinite(snapshot.CumulativeReward))
        {
            throw Invalid("snapshot.cumulative_reward must be a finite number");
        }
        if (snapshot.PassesAtLastRun < 0)
        {
            throw Invalid("snapshot.passes_at_last_run must not be negative");
        }
    }

    private static ArgumentException Invalid(string message) => new($"Invalid snapshot: {message}.", "options");
}
