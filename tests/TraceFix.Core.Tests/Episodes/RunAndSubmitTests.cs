using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Episodes;

[Collection(SandboxCollection.Name)]
public sealed class RunAndSubmitTests(SandboxFixture sandbox)
{
    private const string Task = "binary_search_off_by_one";

    [Fact]
    public async Task RunTests_OnTheBuggyCode_ReportsFailuresAndTheImprovementBonus()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var first = await environment.Do(ActionType.RUN_TESTS);
        var second = await environment.Do(ActionType.RUN_TESTS);

        var output = first.Observation.LastExecutionOutput;
        Assert.StartsWith("Tests Passed: 5/8.\n\nTraceback:\n", output);
        Assert.DoesNotContain("SUCCESS: ALL TESTS PASSED", output);
        Assert.Contains("test_single_element_found", output);
        Assert.Equal(8, first.Observation.TestResults.Count);
        Assert.Equal(3, first.Observation.TestResults.Count(r => !r.Passed));
        Assert.All(first.Observation.TestResults.Where(r => !r.Passed), r => Assert.False(string.IsNullOrWhiteSpace(r.ErrorMessage)));
        Assert.False(first.Observation.SyntaxError);
        // -0.01 per step + 0.10 for running + 0.05 for each of the 5 passes gained over the previous run (none yet).
        Assert.Equal(0.34, first.Reward);
        // Repeat (-0.05), no new passes.
        Assert.Equal(0.04, second.Reward);
        Assert.Equal(0.38, second.Meta("cumulative_reward"));
    }

    [Fact]
    public async Task RunTests_Bonus_ComparesWithThePreviousRunNotTheBest()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var first = await environment.Do(ActionType.RUN_TESTS);
        await environment.Replace(9, 16, "return -1");
        var worse = await environment.Do(ActionType.RUN_TESTS);
        await environment.Do(ActionType.UNDO_EDIT);
        var back = await environment.Do(ActionType.RUN_TESTS);

        Assert.StartsWith("Tests Passed: 5/8.", first.Observation.LastExecutionOutput);
        Assert.StartsWith("Tests Passed: 3/8.", worse.Observation.LastExecutionOutput);
        Assert.Equal(0.09, worse.Reward);
        Assert.StartsWith("Tests Passed: 5/8.", back.Observation.LastExecutionOutput);
        Assert.Equal(0.19, back.Reward);
    }

    [Fact]
    public async Task Submit_AfterTheRealFix_SolvesWithTopScore()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);
        var task = BuiltInTasks.Catalog.Get(Task);
        var fixedLine = task.FixedCode.Split('\n')[8].Trim();

        await environment.Do(ActionType.RUN_TESTS);
        await environment.Replace(9, 9, fixedLine);
        var run = await environment.Do(ActionType.RUN_TESTS);
        var submit = await environment.Do(ActionType.SUBMIT);

        Assert.Equal(task.FixedCode.TrimEnd('\n').Split('\n'), submit.Code());
        Assert.Equal(
            "Tests Passed: 8/8.\n\nSUCCESS: ALL TESTS PASSED! You are finished. You MUST now use the SUBMIT action.",
            run.Observation.LastExecutionOutput);
        Assert.Equal(0.24, run.Reward);
        Assert.All(run.Observation.TestResults, r => Assert.True(r.Passed));
        Assert.True(submit.Done);
        Assert.True(submit.Observation.Done);
        Assert.EndsWith("\n🎉 ALL 8 TESTS PASS! Episode solved. Final score: 0.9800", submit.Observation.LastExecutionOutput);
        Assert.Equal(0.98, submit.Meta("final_score"));
        Assert.Equal(0.98, submit.Info("final_score"));
        Assert.Equal(0.08, submit.Meta("efficiency"));
        Assert.Equal(8, submit.Meta("tests_passed"));
        Assert.Equal(0.97, submit.Reward);
        Assert.Equal(46, submit.Observation.StepsRemaining);
    }

    [Fact]
    public async Task Submit_Unsolved_EndsWithThePassingFraction()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);

        var submit = await environment.Do(ActionType.SUBMIT);

        Assert.True(submit.Done);
        Assert.StartsWith("Tests Passed: 5/8.\n\nTraceback:\n", submit.Observation.LastExecutionOutput);
        Assert.EndsWith("\n❌ SUBMIT — 3/8 tests still failing. Final score: 0.6250", submit.Observation.LastExecutionOutput);
        Assert.Equal(0.625, submit.Meta("final_score"));
        Assert.Equal(0.625, submit.Info("final_score"));
        Assert.Equal(0.615, submit.Reward);
    }

    [Fact]
    public async Task Submit_WithSyntaxError_ScoresTheMinimum()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);
        await environment.Replace(9, 9, "while (low <= high:");

        var submit = await environment.Do(ActionType.SUBMIT);

        Assert.True(submit.Done);
        Assert.EndsWith("\n❌ SUBMIT rejected — syntax error in current code. Final score: 0.0100", submit.Observation.LastExecutionOutput);
        Assert.Equal(0.01, submit.Meta("final_score"));
        Assert.Equal(0.0, submit.Reward);
    }

    [Fact]
    public async Task Submit_CompatibilityScoring_DeductsPerStep()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task, new EnvironmentOptions { CompatibilityScoring = true });

        await environment.Do(ActionType.VIEW_CODE);
        await environment.Replace(9, 9, "while low <= high:");
        var submit = await environment.Do(ActionType.SUBMIT);

        Assert.Equal(0.97, submit.Meta("final_score"));
        Assert.Equal(0.96, submit.Reward);
    }

    [Fact]
    public async Task Step_AfterDone_ThrowsTheFinishedEpisodeError()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task);
        await environment.Do(ActionType.SUBMIT);

        var error = await Assert.ThrowsAsync<EpisodeFinishedException>(() => environment.Do(ActionType.VIEW_CODE));

        Assert.Equal("step() called on a finished episode. Call reset() first.", error.Message);
        Assert.IsAssignableFrom<InvalidOperationException>(error);
        Assert.Equal(1, (await environment.GetStateAsync()).StepCount);
    }

    [Fact]
    public async Task MaxSteps_WithoutSubmit_EndsAndScoresTheEpisode()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, Task, new EnvironmentOptions { MaxSteps = 3 });

        var view = await environment.Do(ActionType.VIEW_CODE);
        await environment.Replace(9, 9, "while low <= high:");
        var last = await environment.Do(ActionType.VIEW_CODE);

        Assert.Equal(2, view.Observation.StepsRemaining);
        Assert.True(last.Done);
        Assert.Equal(0, last.Observation.StepsRemaining);
        Assert.EndsWith("\n⚠ Max steps (3) reached. Auto-evaluated: 8/8 tests passing. Final score: 0.9800", last.Observation.LastExecutionOutput);
        Assert.StartsWith("=== Full Source ===", last.Observation.LastExecutionOutput);
        Assert.Equal(0.98, last.Reward);
        Assert.Equal(0.98, last.Meta("final_score"));
        Assert.Equal(0.98, last.Info("final_score"));
        Assert.Equal(1.0, last.Meta("efficiency"));
        Assert.Equal(8, last.Observation.TestResults.Count);
        await Assert.ThrowsAsync<EpisodeFinishedException>(() => environment.Do(ActionType.SUBMIT));
    }

    [Fact]
    public async Task MaxSteps_OnARunTestsStep_ReusesThatRun()
    {
        var counting = new CountingRunner(sandbox.Runner);
        await using var environment = new DebugEnvironment(BuiltInTasks.Catalog, counting, new EnvironmentOptions { MaxSteps = 1 });
        await environment.ResetAsync(new ResetOptions(TaskName: Task));

        var result = await environment.Do(ActionType.RUN_TESTS);

        Assert.True(result.Done);
        Assert.Equal(1, counting.Runs);
        Assert.Equal(0.625, result.Reward);
        Assert.StartsWith("Tests Passed: 5/8.", result.Observation.LastExecutionOutput);
        Assert.EndsWith("Auto-evaluated: 5/8 tests passing. Final score: 0.6250", result.Observation.LastExecutionOutput);
    }
}
