using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Bench.Runs;

/// <summary>Realistic stored rows: a 40-line code snapshot, five test verdicts, a thought and an output.</summary>
internal static class BenchSteps
{
    private static readonly string Code = string.Join('\n', Enumerable.Range(1, 40).Select(i => $"    value_{i} = compute(items[{i}], offset={i})")) + "\n";
    private static readonly List<TestResult> Tests = [.. Enumerable.Range(1, 5).Select(i => new TestResult($"test_case_{i}", i % 2 == 0, i % 2 == 0 ? null : "AssertionError: input=[3, 1], expected=1, got=3"))];

    public static RunRecord Run(Guid id, int episodes) => new()
    {
        Id = id,
        Status = RunStatus.Completed,
        AgentKind = "offline",
        Model = "bench",
        TaskSelection = "all",
        PlannedTasks = string.Join('\n', Enumerable.Repeat("task1_easy", episodes)),
        PlannedEpisodes = episodes,
        MaxSteps = 50,
        CreatedAt = DateTimeOffset.UtcNow,
    };

    public static EpisodeRecord Episode(Guid runId, int index) => new()
    {
        RunId = runId,
        Index = index,
        TaskName = "task1_easy",
        Difficulty = "easy",
        OriginalCode = Code,
        StartedAt = DateTimeOffset.UtcNow,
    };

    public static StepRecord Step(Guid runId, long episodeId, long sequence, int index) => new StepDto(
        sequence, episodeId, index,
        "Observation: two tests fail on empty input. Diagnosis: the loop bound skips the last element. Plan: widen the range.",
        new StepActionDto(ActionType.REPLACE_LINES, 3, 3, "    for i in range(len(items)):"),
        -0.01, -0.01 * index, false, null, 3, 5, Tests, false,
        "Tests Passed: 3/5\ntest_case_1: AssertionError: input=[3, 1], expected=1, got=3", Code, 0, 12.5, 0, 0, DateTimeOffset.UtcNow)
        .ToRecord(runId, episodeId);
}
