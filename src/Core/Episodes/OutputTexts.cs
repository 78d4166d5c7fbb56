using System.Globalization;
using System.Text;

namespace TraceFix.Core.Episodes;

/// <summary>Every text the environment writes into <c>last_execution_output</c>. docs/environment.md quotes each one.</summary>
internal static class OutputTexts
{
    public const string SuccessMarker = "SUCCESS: ALL TESTS PASSED! You are finished. You MUST now use the SUBMIT action.";
    public const string NoTraceback = "No traceback available.";

    public const string MissingLineNumbers =
        "REPLACE_LINES needs both start_line and end_line (1-based, inclusive). Nothing was changed.";

    public const string NothingToUndo =
        "Nothing to undo: no edit was made since the episode started or since the last RESET_TO_ORIGINAL. Nothing was changed.";

    public static string PassCount(int passed, int total) => $"Tests Passed: {passed}/{total}.";

    public static string InvalidRange(int start, int end, int lineCount) =>
        $"Invalid line range {start}–{end}: the file has {lineCount} line(s), so 1 ≤ start_line ≤ end_line ≤ {lineCount} is required. Nothing was changed.";

    public static string MassDeletion(int start, int end, int count) =>
        $"Cannot delete more than {Rewards.MaxDeletedLines} lines at once (lines {start}–{end} are {count} lines). " +
        "Delete in smaller pieces or send replacement code. Nothing was changed.";

    public static string Replaced(int start, int end, int inserted, int lineCount, int anchor) =>
        $"✏ Replaced lines {start}–{end} ({end - start + 1} line(s)) with {inserted} new line(s).\n" +
        $"File now has {lineCount} lines total. Context anchored at line {anchor}. " +
        "Call VIEW_CODE to read the whole file or RUN_TESTS to check the change.";

    public static string Undone(int lineCount, int remaining) =>
        $"↩ Undid the last edit. File now has {lineCount} lines total; {remaining} earlier edit(s) can still be undone.";

    public static string ResetToOriginal(int lineCount) =>
        $"⟲ Restored the original code ({lineCount} lines). The edit history was cleared.";

    public static string EpisodeStarted(string episodeId, string task, string difficulty, int lineCount, int maxSteps) =>
        $"Episode {episodeId} started: task {task} ({difficulty}), {lineCount} lines of code, {maxSteps} steps. " +
        "Use VIEW_CODE to read the code or RUN_TESTS to see which hidden tests fail.";

    public static string Restored(int stepCount, int undoDepth, int stepsLeft) =>
        $"Resumed from a snapshot after step {stepCount} ({undoDepth} edit(s) can be undone); {stepsLeft} step(s) left.";

    public static string TimedOut(TimeSpan limit) =>
        $"⏱ Execution timed out after {Seconds(limit)}s. The code probably loops forever or is far too slow; tests that did not finish count as failed.";

    public static string SubmitSolved(int total, double score) =>
        $"\n🎉 ALL {total} TESTS PASS! Episode solved. Final score: {Score(score)}";

    public static string SubmitFailing(int failing, int total, double score) =>
        $"\n❌ SUBMIT — {failing}/{total} tests still failing. Final score: {Score(score)}";

    public static string SubmitSyntaxError(double score) =>
        $"\n❌ SUBMIT rejected — syntax error in current code. Final score: {Score(score)}";

    public static string MaxStepsReached(int maxSteps, int passed, int total, double score) =>
        $"\n⚠ Max steps ({maxSteps}) reached. Auto-evaluated: {passed}/{total} tests passing. Final score: {Score(score)}";

    public static string FullSource(IReadOnlyList<string> lines)
    {
        var text = new StringBuilder("=== Full Source ===\n", 24 + lines.Sum(l => l.Length + 6));
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0)
            {
                text.Append('\n');
            }
            text.Append(CultureInfo.InvariantCulture, $"{i + 1,3} | {lines[i]}");
        }
        return text.ToString();
    }

    public static string Score(double score) => score.ToString("0.0000", CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan limit) => limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
}
