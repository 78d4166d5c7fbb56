using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Tests.Episodes;

public sealed class TaskPickerTests
{
    private static TaskCatalog Catalog => BuiltInTasks.Catalog;

    [Fact]
    public void Pick_TaskName_WinsOverDifficulty()
    {
        var task = TaskPicker.Pick(Catalog, new ResetOptions(TaskName: "lru_cache_no_promotion", Difficulty: "easy"));

        Assert.Equal("lru_cache_no_promotion", task.Name);
    }

    [Theory]
    [InlineData("task1_easy", "valid_parentheses_wrong_mapping")]
    [InlineData("task2_medium", "binary_search_off_by_one")]
    [InlineData("task3_hard", "reverse_string_returns_original")]
    public void Pick_StableId_FindsTheSeedTask(string id, string name)
    {
        Assert.Equal(name, TaskPicker.Pick(Catalog, new ResetOptions(TaskName: id)).Name);
    }

    [Fact]
    public void Pick_UnknownName_ListsTheKnownTasks()
    {
        var error = Assert.Throws<UnknownTaskException>(() => TaskPicker.Pick(Catalog, new ResetOptions(TaskName: "no_such_task")));

        Assert.Contains("Unknown task 'no_such_task'", error.Message);
        Assert.Contains("binary_search_off_by_one", error.Message);
        Assert.Contains("word_count_no_punct_strip", error.Message);
    }

    [Theory]
    [InlineData("easy", Difficulty.Easy)]
    [InlineData("MEDIUM", Difficulty.Medium)]
    [InlineData(" Hard ", Difficulty.Hard)]
    public void Pick_Difficulty_StaysInTheTier(string tier, Difficulty expected)
    {
        for (var seed = 0; seed < 20; seed++)
        {
            Assert.Equal(expected, TaskPicker.Pick(Catalog, new ResetOptions(Difficulty: tier, Seed: seed)).Difficulty);
        }
    }

    [Theory]
    [InlineData("extreme")]
    [InlineData("1")]
    [InlineData("easy,hard")]
    public void Pick_UnknownDifficulty_IsAnArgumentError(string tier)
    {
        var error = Assert.Throws<ArgumentException>(() => TaskPicker.Pick(Catalog, new ResetOptions(Difficulty: tier)));

        Assert.Contains($"Unknown difficulty '{tier}'", error.Message);
        Assert.Contains("easy, medium or hard", error.Message);
    }

    [Fact]
    public void Pick_SameSeed_PicksTheSameTask()
    {
        var picks = Enumerable.Range(0, 30).Select(seed => TaskPicker.Pick(Catalog, new ResetOptions(Seed: seed)).Name).ToList();
        var again = Enumerable.Range(0, 30).Select(seed => TaskPicker.Pick(Catalog, new ResetOptions(Seed: seed)).Name).ToList();

        Assert.Equal(picks, again);
        Assert.True(picks.Distinct().Count() > 3, "different seeds should spread over the catalog");
    }

    [Fact]
    public void Pick_EmptyCatalog_SaysNoTasksAreLoaded()
    {
        var error = Assert.Throws<InvalidOperationException>(() => TaskPicker.Pick(new TaskCatalog([]), new ResetOptions()));

        Assert.Contains("No tasks are loaded", error.Message);
    }
}
