using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tasks;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Episodes;

[Collection(SandboxCollection.Name)]
public sealed class SnapshotResetTests(SandboxFixture sandbox)
{
    private const string Task = "binary_search_off_by_one";

    [Fact]
    public async Task SnapshotReset_ResumesTheCodeStepCountAndUndoHistory()
    {
        // Play three edits in one episode, then resume a second environment from the state after them.
        await using var original = await EnvironmentHarness.StartAsync(sandbox, Task);
        var start = Source((await original.Do(ActionType.VIEW_CODE)).Code());
        var afterFirst = Source((await original.Replace(9, 9, "while low <= high:")).Code());
        var afterSecond = Source((await original.Replace(1, 1, "def binary_search(items, target):  # edited")).Code());
        var third = await original.Replace(17, 17, "return -2");

        var snapshot = new EpisodeSnapshot(Source(third.Code()), 4, [start, afterFirst, afterSecond], -0.04);
        await using var resumed = EnvironmentHarness.Create(sandbox);
        var reset = await resumed.ResetAsync(new ResetOptions(TaskName: Task, Snapshot: snapshot));

        Assert.Equal(third.Code(), reset.Code());
        Assert.Equal(4, reset.Observation.StepCount);
        Assert.Equal(46, reset.Observation.StepsRemaining);
        Assert.Equal(4, reset.Meta("step"));
        Assert.Equal(-0.04, reset.Meta("cumulative_reward"));
        Assert.Contains("Resumed from a snapshot after step 4 (3 edit(s) can be undone); 46 step(s) left.", reset.Observation.LastExecutionOutput);

        var undo1 = await resumed.Do(ActionType.UNDO_EDIT);
        Assert.Equal(5, undo1.Observation.StepCount);
        Assert.Equal(afterSecond, Source(undo1.Code()));
        Assert.Equal(afterFirst, Source((await resumed.Do(ActionType.UNDO_EDIT)).Code()));
        Assert.Equal(start, Source((await resumed.Do(ActionType.UNDO_EDIT)).Code()));
        var nothingLeft = await resumed.Do(ActionType.UNDO_EDIT);
        Assert.NotNull(nothingLeft.Meta("last_action_error"));
        Assert.Equal(8, (await resumed.GetStateAsync()).StepCount);
    }

    [Fact]
    public async Task SnapshotReset_CountsTowardsTheStepLimit()
    {
        await using var environment = EnvironmentHarness.Create(sandbox, new EnvironmentOptions { MaxSteps = 5 });
        var code = string.Join('\n', BuiltInTasks.Catalog.Get(Task).SolutionLines) + "\n";
        await environment.ResetAsync(new ResetOptions(TaskName: Task, Snapshot: new EpisodeSnapshot(code, 4)));

        var last = await environment.Do(ActionType.VIEW_CODE);

        Assert.True(last.Done);
        Assert.Equal(5, last.Observation.StepCount);
        Assert.Contains("Max steps (5) reached", last.Observation.LastExecutionOutput);
    }

    public static TheoryData<string?, EpisodeSnapshot, string> BadSnapshots => new()
    {
        { null, new EpisodeSnapshot("x = 1\n", 1), "needs task_name" },
        { "no_such_task", new EpisodeSnapshot("x = 1\n", 1), "Unknown task 'no_such_task'" },
        { Task, new EpisodeSnapshot("x = 1\n", 50), "outside 0..49" },
        { Task, new EpisodeSnapshot("x = 1\n", -1), "outside 0..49" },
        { Task, new EpisodeSnapshot(new string('x', SnapshotRules.MaxCodeChars + 1), 1), "larger than 256 KiB" },
        { Task, new EpisodeSnapshot("x = 1\n", 1, ["a\n", "b\n"]), "only 1 step(s) were taken" },
        { Task, new EpisodeSnapshot("x = 1\n", 1, CumulativeReward: double.NaN), "finite" },
    };

    [Theory]
    [MemberData(nameof(BadSnapshots))]
    public async Task SnapshotReset_BadSnapshot_IsRefusedAndLeavesTheEpisodeAlone(string? task, EpisodeSnapshot snapshot, string message)
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);
        await environment.Replace(9, 9, "while low <= high:");
        var before = await environment.GetStateAsync();

        var error = await Assert.ThrowsAnyAsync<ArgumentException>(
            () => environment.ResetAsync(new ResetOptions(TaskName: task, Snapshot: snapshot)));

        Assert.Contains(message, error.Message);
        Assert.Equal(before, await environment.GetStateAsync());
        var next = await environment.Do(ActionType.UNDO_EDIT);
        Assert.Null(next.Meta("last_action_error"));
    }

    [Fact]
    public void Rebuild_ReplaysEditsUndosAndResetsIntoTheUndoStack()
    {
        var original = "a = 1\nb = 2\nc = 3\n";
        var steps = new List<RecordedStepState>
        {
            Step(1, ActionType.REPLACE_LINES, "a = 10\nb = 2\nc = 3\n", start: 1, end: 1, block: "a = 10"),
            Step(2, ActionType.REPLACE_LINES, "a = 10\nb = 2\nc = 3\n", start: 7, end: 9, block: "oops"),
            Step(3, ActionType.REPLACE_LINES, "a = 10\nb = 20\nc = 3\n", start: 2, end: 2, block: "b = 20"),
            Step(4, ActionType.UNDO_EDIT, "a = 10\nb = 2\nc = 3\n"),
            Step(5, ActionType.RUN_TESTS, "a = 10\nb = 2\nc = 3\n", passes: 2),
            Step(6, ActionType.REPLACE_LINES, "a = 10\nb = 2\nc = 30\n", start: 3, end: 3, block: "c = 30"),
        };

        var snapshot = SnapshotReplay.Rebuild(original, null, steps);

        Assert.Equal("a = 10\nb = 2\nc = 30\n", snapshot.Code);
        Assert.Equal(6, snapshot.StepCount);
        Assert.Equal([original, "a = 10\nb = 2\nc = 3\n"], snapshot.UndoStack);
        Assert.Equal(2, snapshot.PassesAtLastRun);
        Assert.Equal(-0.06, snapshot.CumulativeReward);

        var afterReset = SnapshotReplay.Rebuild(original, snapshot, [Step(1, ActionType.RESET_TO_ORIGINAL, original)]);
        Assert.Empty(afterReset.UndoStack!);
        Assert.Equal(7, afterReset.StepCount);
    }

    private static RecordedStepState Step(int index, ActionType action, string codeAfter, int? start = null, int? end = null,
        string? block = null, int passes = 0) =>
        new(index, action, start, end, block, codeAfter, -0.01 * index, passes, false);

    private static string Source(string[] lines) => string.Join('\n', lines) + "\n";
}
