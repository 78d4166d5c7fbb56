using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tasks;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Episodes;

[Collection(SandboxCollection.Name)]
public sealed class ResetTests(SandboxFixture sandbox)
{
    [Fact]
    public async Task Reset_NamedTask_ReturnsTheProtocolObservation()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);
        var task = BuiltInTasks.Catalog.Get("binary_search_off_by_one");

        var result = await environment.ResetAsync(new ResetOptions(TaskName: "binary_search_off_by_one"));

        var observation = result.Observation;
        Assert.Null(result.Reward);
        Assert.False(result.Done);
        Assert.Null(observation.Reward);
        Assert.Equal(0.0, observation.RewardLastStep);
        Assert.Equal("", observation.LocalizedContext);
        Assert.False(observation.SyntaxError);
        Assert.Empty(observation.TestResults);
        Assert.Equal(0, observation.StepCount);
        Assert.Equal(50, observation.StepsRemaining);
        Assert.Equal(task.SolutionLines, result.Code());
        Assert.Equal(Enumerable.Range(1, task.SolutionLines.Count).Select(i => i.ToString()), observation.CodeDict.Keys);
        var episodeId = Assert.IsType<string>(result.Info("episode_id"));
        Assert.Matches("^[0-9a-f]{8}$", episodeId);
        Assert.Equal("binary_search_off_by_one", result.Info("task_name"));
        Assert.Equal("medium", result.Info("task_difficulty"));
        Assert.Equal(episodeId, result.Meta("episode_id"));
        Assert.Null(result.Meta("last_action_error"));
    }

    [Fact]
    public async Task Reset_SystemPrompt_NamesTheTaskAndShowsNumberedCode()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);
        var task = BuiltInTasks.Catalog.Get("binary_search_off_by_one");

        var result = await environment.ResetAsync(new ResetOptions(TaskName: "task2_medium"));

        var prompt = Assert.IsType<string>(result.Meta("system_prompt"));
        Assert.Contains(task.Name, prompt);
        Assert.Contains(task.Title, prompt);
        Assert.Contains(task.Description, prompt);
        Assert.Contains("Difficulty: medium", prompt);
        Assert.Contains("50 steps", prompt);
        Assert.Contains("  9 |     while low < high:", prompt);
    }

    [Fact]
    public async Task Reset_GivenEpisodeId_IsKept()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);

        var result = await environment.ResetAsync(new ResetOptions(TaskName: "task1_easy", EpisodeId: "run-7-episode-2"));

        Assert.Equal("run-7-episode-2", result.Info("episode_id"));
        Assert.Equal("valid_parentheses_wrong_mapping", result.Info("task_name"));
        Assert.Equal("run-7-episode-2", (await environment.GetStateAsync()).EpisodeId);
    }

    [Fact]
    public async Task Reset_UnknownTask_ThrowsWithTheKnownNames()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);

        var error = await Assert.ThrowsAsync<UnknownTaskException>(() => environment.ResetAsync(new ResetOptions(TaskName: "nope")));

        Assert.Contains("Unknown task 'nope'. Known tasks: ", error.Message);
        Assert.All(BuiltInTasks.Catalog.All, task => Assert.Contains(task.Name, error.Message));
    }

    [Fact]
    public async Task Reset_Difficulty_PicksFromThatTier()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);

        foreach (var seed in new[] { 1, 2, 3, 4 })
        {
            var result = await environment.ResetAsync(new ResetOptions(Difficulty: "Hard", Seed: seed));
            Assert.Equal("hard", result.Info("task_difficulty"));
        }
    }

    [Fact]
    public async Task Reset_UnknownDifficulty_ThrowsArgumentException()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => environment.ResetAsync(new ResetOptions(Difficulty: "insane")));

        Assert.Contains("Unknown difficulty 'insane'. Use easy, medium or hard.", error.Message);
    }

    [Fact]
    public async Task Reset_SameSeed_SameTask()
    {
        await using var first = EnvironmentHarness.Create(sandbox);
        await using var second = EnvironmentHarness.Create(sandbox);

        for (var seed = 10; seed < 16; seed++)
        {
            var a = await first.ResetAsync(new ResetOptions(Seed: seed));
            var b = await second.ResetAsync(new ResetOptions(Seed: seed));
            Assert.Equal(a.Info("task_name"), b.Info("task_name"));
        }
    }

    [Fact]
    public async Task Reset_AfterAFinishedEpisode_StartsAFreshOne()
    {
        await using var environment = await EnvironmentHarness.StartAsync(sandbox, "sum_even_wrong_condition");
        await environment.Do(ActionType.SUBMIT);

        var result = await environment.ResetAsync(new ResetOptions(TaskName: "sum_even_wrong_condition"));
        var step = await environment.Do(ActionType.VIEW_CODE);

        Assert.False(result.Done);
        Assert.Equal(1, step.Observation.StepCount);
        Assert.Equal(-0.01, step.Reward);
        Assert.Equal(-0.01, step.Meta("cumulative_reward"));
    }

    [Fact]
    public async Task Step_BeforeReset_Throws()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);

        var error = await Assert.ThrowsAsync<EpisodeNotStartedException>(() => environment.Do(ActionType.VIEW_CODE));

        Assert.IsAssignableFrom<InvalidOperationException>(error);
        Assert.Contains("Call reset() first", error.Message);
    }

    [Fact]
    public async Task GetState_ReportsTheEpisode()
    {
        await using var environment = EnvironmentHarness.Create(sandbox);
        Assert.Null((await environment.GetStateAsync()).EpisodeId);

        await environment.ResetAsync(new ResetOptions(TaskName: "word_count_no_lower", EpisodeId: "abc12345"));
        await environment.Do(ActionType.VIEW_CODE);
        await environment.Do(ActionType.VIEW_CODE);
        var state = await environment.GetStateAsync();

        Assert.Equal("abc12345", state.EpisodeId);
        Assert.Equal(2, state.StepCount);
        Assert.Equal("word_count_no_lower", state.TaskName);
        Assert.Equal("medium", state.TaskDifficulty);
        Assert.Equal(50, state.MaxSteps);
        Assert.Equal(-0.07, state.CumulativeReward);
        Assert.False(state.Done);
    }
}
