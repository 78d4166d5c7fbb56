using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Server.Runs;

namespace TraceFix.Server.Tests.Runs;

/// <summary>The one failure-label vocabulary (server-computed) and the one task-filter rule.</summary>
public sealed class FailureLabelsTests
{
    private static StepDto Step(int index, ActionType type, int pass = 0, int total = 0, string? code = null, bool done = false) =>
        new(index, 1, index, "", new StepActionDto(type, code is null ? null : 2, code is null ? null : 2, code), 0, 0, done, null,
            pass, total, [], false, "", "", 0, 0, 0, 0, DateTimeOffset.UnixEpoch);

    private static EpisodeOutcome Failed(int steps) => new("t", false, steps, 0.5, [], null);

    [Fact]
    public void SubmitWithFailingTests_IsLabelledSubmittedFailing()
    {
        IReadOnlyList<StepDto> steps = [Step(1, ActionType.RUN_TESTS, 1, 2), Step(2, ActionType.SUBMIT, 1, 2, done: true)];

        var labels = FailureLabels.For(Failed(2), steps, 50);

        Assert.Equal([FailureLabelCodes.SubmittedFailing], labels);
    }

    [Fact]
    public void SameActionThreeTimesInARow_IsLabelledLooped()
    {
        IReadOnlyList<StepDto> steps = [Step(1, ActionType.VIEW_CODE), .. Enumerable.Range(2, 3).Select(i => Step(i, ActionType.REPLACE_LINES, code: "x"))];

        var labels = FailureLabels.For(Failed(4), steps, 4);

        Assert.Equal([FailureLabelCodes.BudgetExhausted, FailureLabelCodes.Looped], labels);
    }

    [Fact]
    public void EveryComputedLabel_HasATitleInTheSharedVocabulary()
    {
        IReadOnlyList<StepDto> steps = [Step(1, ActionType.RUN_TESTS, 0, 2), Step(2, ActionType.RUN_TESTS, 0, 2), Step(3, ActionType.RUN_TESTS, 0, 2)];

        var labels = FailureLabels.For(new EpisodeOutcome("t", false, 3, 0, [], "KILL_SWITCH: loop"), steps, 3);

        Assert.NotEmpty(labels);
        Assert.All(labels, l => Assert.Contains(l, FailureLabelCodes.All));
        Assert.Equal("Kill switch", FailureLabelCodes.Title(FailureLabelCodes.KillSwitch));
    }

    [Theory]
    [InlineData("binary_search", true)]
    [InlineData(" binary_search ", true)]
    [InlineData("binary", false)]
    [InlineData("BINARY_SEARCH", false)]
    [InlineData("", true)]
    public void TaskFilter_MatchesWholePlannedTaskNames(string task, bool matches)
    {
        var run = new RunSummary(Guid.NewGuid(), RunStatus.Completed, "offline", "m", "easy", 5, 1, DateTimeOffset.UnixEpoch, null, null,
            2, 2, 0, null, 0, 0, null, null) { PlannedTasks = "valid_parentheses,binary_search" };

        Assert.Equal(matches, TaskFilter.Matches(run, task));
    }
}
