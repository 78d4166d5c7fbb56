using TraceFix.Contracts.Episodes;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>A recorded step as far as a snapshot needs it: the action and the state after it.</summary>
/// <param name="Index">The step's number in its recorded episode (from 1, also when that episode was itself a fork).</param>
public sealed record RecordedStepState(
    int Index,
    ActionType Action,
    int? StartLine,
    int? EndLine,
    string? CodeBlock,
    string CodeAfter,
    double CumulativeReward,
    int PassCount,
    bool SyntaxError);

/// <summary>
/// Rebuilds the snapshot of an episode after a recorded step: the code stored with that step, and the undo history
/// replayed from the episode's code-changing steps (an edit pushes, an undo pops, a reset to the original clears).
/// </summary>
public static class SnapshotReplay
{
    /// <param name="originalCode">The task's buggy code (what RESET_TO_ORIGINAL restores).</param>
    /// <param name="start">The state the recorded episode itself began from (a fork of a fork), or null for the task's start.</param>
    /// <param name="steps">The episode's steps up to and including the one forked from, in order.</param>
    public static EpisodeSnapshot Rebuild(string originalCode, EpisodeSnapshot? start, IReadOnlyList<RecordedStepState> steps)
    {
        var code = start?.Code ?? originalCode;
        var history = new List<string>(start?.UndoStack ?? []);
        var stepsBefore = start?.StepCount ?? 0;
        var stepCount = stepsBefore;
        var cumulative = start?.CumulativeReward ?? 0;
        var passes = start?.PassesAtLastRun ?? 0;
        foreach (var step in steps)
        {
            switch (step.Action)
            {
                case ActionType.REPLACE_LINES when Applies(code, step):
                    history.Add(code);
                    break;
                case ActionType.UNDO_EDIT when history.Count > 0:
                    history.RemoveAt(history.Count - 1);
                    break;
                case ActionType.RESET_TO_ORIGINAL:
                    history.Clear();
                    break;
                case ActionType.RUN_TESTS when !step.SyntaxError:
                    passes = step.PassCount;
                    break;
            }
            code = step.CodeAfter;
            stepCount = stepsBefore + step.Index;
            cumulative = step.CumulativeReward;
        }
        return new EpisodeSnapshot(code, stepCount, history, cumulative, passes);
    }

    /// <summary>Whether the environment accepted the edit (a refused one changed nothing and pushed no history).</summary>
    private static bool Applies(string code, RecordedStepState step) =>
        LineEditor.Replace(SourceText.SplitLines(code), step.StartLine, step.EndLine, step.CodeBlock).Succeeded;
}
