using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Support;

/// <summary>Wire DTOs for page tests.</summary>
internal static class Dtos
{
    public const string Original = "def sum_even(xs):\n    total = 0\n    for x in xs:\n        if x % 2 == 1:\n            total += x\n    return total\n";

    public static RunSummary Run(Guid id, RunStatus status = RunStatus.Completed, long lastSequence = 0) =>
        new(id, status, AgentKinds.Offline, "offline-repair", "sum_even", 20, 1, DateTimeOffset.UtcNow, null, null, 1, 1, 0, null, 0, lastSequence, null, null);

    public static StepDto Step(long sequence, int index, ActionType type, double reward, string code = Original, bool passAll = false) =>
        new(sequence, 7, index, $"thought {index}", new StepActionDto(type, null, null, null), reward, reward * index, false, null,
            passAll ? 2 : 1, 2, type == ActionType.RUN_TESTS ? [new TestResult("test_a", true, null), new TestResult("test_b", passAll, null)] : [],
            false, "", code, 0, 1, 0, 0, DateTimeOffset.UtcNow);

    public static EpisodeDto Episode(Guid runId, EpisodeStatus status, params StepDto[] steps) =>
        new(7, runId, 0, "sum_even", "easy", status, false, status == EpisodeStatus.Running ? null : 0.5, steps.Length, [], null, Original,
            DateTimeOffset.UtcNow, null, steps);

    public static RunDetail Detail(Guid id, RunStatus status, EpisodeStatus episodeStatus, params StepDto[] steps) =>
        new(Run(id, status, steps.Length), [Episode(id, episodeStatus, steps)]);

    public static StepResult Result(string code, bool done) => new(new Observation
    {
        CodeDict = code.TrimEnd('\n').Split('\n').Select((line, i) => (line, i)).ToDictionary(p => (p.i + 1).ToString(), p => p.line),
        LastExecutionOutput = done ? "Tests Passed: 2/2" : "",
        Done = done,
    }, done ? 1.0 : 0.0, done);
}
