using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.E2E.Tests;

/// <summary>Builds stored runs for import: long ones for the first-paint figure, near-twins for comparison.</summary>
internal static class Trajectories
{
    public const string Task = "sum_even_wrong_condition";

    private static readonly string[] Buggy =
    [
        "def sum_even(numbers):", "    total = 0", "    for value in numbers:", "        if value % 2 == 1:", "            total += value", "    return total",
    ];

    private static readonly string[] Tests = ["test_empty", "test_mixed", "test_negative", "test_all_odd"];

    public static Task<Guid> ImportAsync(DashboardServer server, string model, IReadOnlyList<StepActionDto> actions, bool solved) =>
        server.Store.ImportAsync(Summary(model, actions.Count), [(Episode(solved, actions.Count), Steps(actions, solved))]);

    /// <summary>A long trajectory: edits, test runs and views in rotation, with verdicts that flip now and then.</summary>
    public static IReadOnlyList<StepActionDto> Long(int count) =>
        [.. Enumerable.Range(1, count).Select(i => (i % 4) switch
        {
            0 => new StepActionDto(ActionType.RUN_TESTS, null, null, null),
            1 => new StepActionDto(ActionType.VIEW_CODE, null, null, null),
            2 => new StepActionDto(ActionType.REPLACE_LINES, 4, 4, $"if value % 2 == {(i / 4) % 2}:"),
            _ => new StepActionDto(ActionType.UNDO_EDIT, null, null, null),
        })];

    public static IReadOnlyList<StepActionDto> Solve(params StepActionDto[] detour) =>
    [
        new(ActionType.VIEW_CODE, null, null, null),
        new(ActionType.RUN_TESTS, null, null, null),
        .. detour,
        new(ActionType.REPLACE_LINES, 4, 4, "if value % 2 == 0:"),
        new(ActionType.RUN_TESTS, null, null, null),
        new(ActionType.SUBMIT, null, null, null),
    ];

    private static RunSummary Summary(string model, int steps) => new(
        Guid.Empty, RunStatus.Completed, AgentKinds.Llm, model, Task, Math.Max(steps, 50), 7, DateTimeOffset.UtcNow.AddMinutes(-5),
        DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow, 1, 1, 0, null, 0, 0, null, null);

    private static EpisodeDto Episode(bool solved, int steps) => new(
        0, Guid.Empty, 0, Task, "easy", EpisodeStatus.Completed, solved, solved ? 0.98 : 0.5, steps,
        solved ? [] : ["tests_failing"], null, string.Join('\n', Buggy) + "\n", DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow, []);

    private static IReadOnlyList<StepDto> Steps(IReadOnlyList<StepActionDto> actions, bool solved)
    {
        var code = Buggy.ToArray();
        var history = new Stack<string[]>();
        var steps = new List<StepDto>(actions.Count);
        var cumulative = 0.0;
        for (var i = 0; i < actions.Count; i++)
        {
            var action = actions[i];
            if (action is { Type: ActionType.REPLACE_LINES, StartLine: { } line, CodeBlock: { } block })
            {
                history.Push(code.ToArray());
                code[line - 1] = "        " + block;
            }
            else if (action.Type == ActionType.UNDO_EDIT && history.Count > 0)
            {
                code = history.Pop();
            }
            var fixedNow = code[3].Contains("== 0");
            var ranTests = action.Type is ActionType.RUN_TESTS or ActionType.SUBMIT;
            var results = ranTests ? Tests.Select((t, k) => new TestResult(t, fixedNow || k == 0, fixedNow || k == 0 ? null : "expected 6, got 9")).ToList() : [];
            var last = i == actions.Count - 1;
            var reward = action.Type switch
            {
                ActionType.SUBMIT => solved ? 1.0 : -0.5,
                ActionType.RUN_TESTS => fixedNow ? 0.3 : -0.05,
                ActionType.REPLACE_LINES => fixedNow ? 0.2 : -0.1,
                _ => -0.01,
            };
            cumulative += reward;
            steps.Add(new StepDto(i + 1, 0, i + 1, $"Step {i + 1}: {action.Type} — checking the parity test on line 4.", action, reward,
                Math.Round(cumulative, 4), last, null, results.Count(r => r.Passed), results.Count, results, false,
                ranTests ? $"Tests Passed: {results.Count(r => r.Passed)}/{results.Count}" : "", string.Join('\n', code) + "\n",
                120, 8, 300, 40, DateTimeOffset.UtcNow));
        }
        return steps;
    }
}
