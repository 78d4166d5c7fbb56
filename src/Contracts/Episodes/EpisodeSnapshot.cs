namespace TraceFix.Contracts.Episodes;

/// <summary>
/// A TraceFix extension of reset: the state an episode resumes from instead of the task's buggy code (how the dashboard
/// forks a run from a stored step). It needs a named task; the reset then answers with this code and step count.
/// </summary>
/// <param name="Code">The current code (the task's file as it stood after the step forked from).</param>
/// <param name="StepCount">Steps already taken; the new episode's first step is <c>StepCount + 1</c>. Below the step limit.</param>
/// <param name="UndoStack">Earlier code versions, oldest first: UNDO_EDIT restores the last one, then the one before it.</param>
/// <param name="CumulativeReward">Reward collected so far, carried into the new episode's running total.</param>
/// <param name="PassesAtLastRun">Passing tests at the last test run, from which RUN_TESTS counts newly passing tests.</param>
public sealed record EpisodeSnapshot(
    string Code,
    int StepCount,
    IReadOnlyList<string>? UndoStack = null,
    double CumulativeReward = 0,
    int PassesAtLastRun = 0);
