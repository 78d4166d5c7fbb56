using TraceFix.Contracts.Episodes;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Episodes;

[Collection(SandboxCollection.Name)]
public sealed class EditActionTests(SandboxFixture sandbox)
{
    private const string Task = "binary_search_off_by_one";

    [Fact]
    public async Task ViewCode_ShowsTheNumberedSource()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var result = await environment.Do(ActionType.VIEW_CODE);

        var output = result.Observation.LastExecutionOutput;
        Assert.StartsWith("=== Full Source ===\n  1 | def binary_search(items, target):\n  2 |     \"\"\"Locate", output);
        Assert.Contains("\n  9 |     while low < high:\n", output);
        Assert.EndsWith(" 17 |     return -1", output);
        Assert.Equal(-0.01, result.Reward);
        Assert.Equal(-0.01, result.Observation.RewardLastStep);
        Assert.Equal(1, result.Observation.StepCount);
        Assert.Equal(49, result.Observation.StepsRemaining);
        Assert.False(result.Done);
    }

    [Fact]
    public async Task ReplaceLines_AutoIndentsTheBlockAndAnchorsTheContext()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var result = await environment.Replace(9, 9, "while low <= high:");

        var code = result.Code();
        Assert.Equal("    while low <= high:", code[8]);
        Assert.Equal(17, code.Length);
        Assert.Equal(-0.01, result.Reward);
        Assert.Null(result.Meta("last_action_error"));
        Assert.False(result.Observation.SyntaxError);
        Assert.Equal(
            "✏ Replaced lines 9–9 (1 line(s)) with 1 new line(s).\nFile now has 17 lines total. Context anchored at line 9. " +
            "Call VIEW_CODE to read the whole file or RUN_TESTS to check the change.",
            result.Observation.LastExecutionOutput);
        var context = result.Observation.LocalizedContext;
        Assert.StartsWith("[Showing lines 1–17 of 17, anchor ▶ line 9]\n", context);
        Assert.Contains("\n   9 ▶     while low <= high:\n  10 |         mid = (low + high) // 2\n", context);
    }

    [Fact]
    public async Task ReplaceLines_MultiLineBlock_KeepsRelativeIndentAndGrowsTheFile()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var result = await environment.Replace(11, 12, "if items[mid] == target:\n    found = mid\n    return found");

        var code = result.Code();
        Assert.Equal(18, code.Length);
        Assert.Equal(["        if items[mid] == target:", "            found = mid", "            return found"], code[10..13]);
        Assert.Contains("Context anchored at line 13.", result.Observation.LastExecutionOutput);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(15, 18)]
    [InlineData(30, 31)]
    [InlineData(9, 8)]
    public async Task ReplaceLines_BadRange_CostsAndChangesNothing(int start, int end)
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);
        var before = (await environment.Do(ActionType.VIEW_CODE)).Code();

        var result = await environment.Replace(start, end, "x = 1");

        var expected = $"Invalid line range {start}–{end}: the file has 17 line(s), so 1 ≤ start_line ≤ end_line ≤ 17 is required. Nothing was changed.";
        Assert.Equal(-0.03, result.Reward);
        Assert.Equal(expected, result.Observation.LastExecutionOutput);
        Assert.Equal(expected, result.Meta("last_action_error"));
        Assert.Equal(before, result.Code());
        Assert.False(result.Done);
    }

    [Fact]
    public async Task ReplaceLines_WithoutLineNumbers_IsAnObservationNotAnException()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var result = await environment.StepAsync(new CodeAction { ActionType = ActionType.REPLACE_LINES, NewCodeBlock = "x = 1" });

        Assert.Equal(-0.03, result.Reward);
        Assert.Contains("needs both start_line and end_line", result.Observation.LastExecutionOutput);
        Assert.Equal(result.Observation.LastExecutionOutput, result.Meta("last_action_error"));
        Assert.Equal(1, result.Observation.StepCount);
    }

    [Fact]
    public async Task ReplaceLines_EmptyBlockOverFiveLines_IsRefused()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var result = await environment.Replace(7, 12, "");

        Assert.Equal(-0.21, result.Reward);
        Assert.StartsWith("Cannot delete more than 5 lines at once (lines 7–12 are 6 lines).", result.Observation.LastExecutionOutput);
        Assert.NotNull(result.Meta("last_action_error"));
        Assert.Equal(17, result.Code().Length);
    }

    [Fact]
    public async Task ReplaceLines_EmptyBlockOfFiveLines_Deletes()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var result = await environment.Replace(2, 6, "");

        Assert.Equal(-0.01, result.Reward);
        Assert.Equal(12, result.Code().Length);
        Assert.Equal("    low = 0", result.Code()[1]);
        Assert.Contains("with 0 new line(s)", result.Observation.LastExecutionOutput);
    }

    [Fact]
    public async Task UndoEdit_WithNoHistory_CostsAndSaysSo()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var result = await environment.Do(ActionType.UNDO_EDIT);

        Assert.Equal(-0.11, result.Reward);
        Assert.StartsWith("Nothing to undo", result.Observation.LastExecutionOutput);
        Assert.Equal(result.Observation.LastExecutionOutput, result.Meta("last_action_error"));
        Assert.Equal(BuiltInTasks.Catalog.Get(Task).SolutionLines, result.Code());
    }

    [Fact]
    public async Task UndoEdit_AfterTwoEdits_StepsBackOneAtATime()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);
        var original = BuiltInTasks.Catalog.Get(Task).SolutionLines;
        await environment.Replace(9, 9, "while low <= high:");
        var afterFirst = (await environment.Replace(7, 7, "low = 0  # start")).Code();

        var undone = await environment.Do(ActionType.UNDO_EDIT);

        Assert.Equal("    low = 0", undone.Code()[6]);
        Assert.Equal("    while low <= high:", undone.Code()[8]);
        Assert.NotEqual(afterFirst, undone.Code());
        Assert.Equal(-0.11, undone.Reward);
        Assert.Null(undone.Meta("last_action_error"));
        Assert.Equal("", undone.Observation.LocalizedContext);
        Assert.StartsWith("↩ Undid the last edit. File now has 17 lines total; 1 earlier edit(s) can still be undone.", undone.Observation.LastExecutionOutput);

        var again = await environment.Do(ActionType.UNDO_EDIT);
        Assert.Equal(original, again.Code());
        Assert.Equal(-0.16, again.Reward);
        var third = await environment.Do(ActionType.UNDO_EDIT);
        Assert.NotNull(third.Meta("last_action_error"));
    }

    [Fact]
    public async Task ResetToOriginal_RestoresTheCodeAndClearsHistory()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);
        await environment.Replace(9, 9, "while low <= high:");
        await environment.Replace(1, 1, "def binary_search(items, target, unused=None):");

        var reset = await environment.Do(ActionType.RESET_TO_ORIGINAL);
        var undo = await environment.Do(ActionType.UNDO_EDIT);

        Assert.Equal(BuiltInTasks.Catalog.Get(Task).SolutionLines, reset.Code());
        Assert.Equal(-0.11, reset.Reward);
        Assert.Equal("⟲ Restored the original code (17 lines). The edit history was cleared.", reset.Observation.LastExecutionOutput);
        Assert.Equal("", reset.Observation.LocalizedContext);
        Assert.StartsWith("Nothing to undo", undo.Observation.LastExecutionOutput);
    }

    [Fact]
    public async Task RepeatedActionType_AddsGrowingPenalty()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var rewards = new List<double?>();
        foreach (var type in new[] { ActionType.VIEW_CODE, ActionType.VIEW_CODE, ActionType.VIEW_CODE, ActionType.UNDO_EDIT, ActionType.VIEW_CODE, ActionType.VIEW_CODE })
        {
            rewards.Add((await environment.Do(type)).Reward);
        }

        Assert.Equal([-0.01, -0.06, -0.11, -0.11, -0.01, -0.06], rewards);
        var state = await environment.GetStateAsync();
        Assert.Equal(-0.36, state.CumulativeReward);
    }

    [Fact]
    public async Task SyntaxError_IntroducedThenFixed_IsFlaggedOnEveryStepUntilFixed()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var broken = await environment.Replace(9, 9, "while low <= high");
        var view = await environment.Do(ActionType.VIEW_CODE);
        var run = await environment.Do(ActionType.RUN_TESTS);
        var fixedCode = await environment.Replace(9, 9, "while low <= high:");
        var rerun = await environment.Do(ActionType.RUN_TESTS);

        Assert.True(broken.Observation.SyntaxError);
        Assert.Contains("\n\nSyntaxError at line 9: ", broken.Observation.LastExecutionOutput);
        Assert.Matches(@"\n  >> \s*while low <= high$", broken.Observation.LastExecutionOutput);
        Assert.True(view.Observation.SyntaxError);
        Assert.Contains("SyntaxError at line 9", view.Observation.LastExecutionOutput);
        Assert.True(run.Observation.SyntaxError);
        Assert.StartsWith("Tests Passed: 0/8.\n\nTraceback:\nSyntaxError at line 9: ", run.Observation.LastExecutionOutput);
        Assert.Equal(-0.01, run.Reward);
        Assert.Contains("▶ line 9]", run.Observation.LocalizedContext);
        Assert.False(fixedCode.Observation.SyntaxError);
        Assert.DoesNotContain("SyntaxError", fixedCode.Observation.LastExecutionOutput);
        Assert.False(rerun.Observation.SyntaxError);
        Assert.StartsWith("Tests Passed: 8/8.\n\nSUCCESS: ALL TESTS PASSED!", rerun.Observation.LastExecutionOutput);
        // No verdict run came before, so all eight passes count as new.
        Assert.Equal(0.49, rerun.Reward);
    }
}
