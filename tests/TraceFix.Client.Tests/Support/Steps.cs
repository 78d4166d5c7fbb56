using TraceFix.Client.Model;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Client.Tests.Support;

/// <summary>Builders for small trajectories.</summary>
internal static class Steps
{
    public static StepView Make(int number, ActionType action = ActionType.VIEW_CODE, double reward = 0, double cumulative = 0,
        string[]? code = null, TestResult[]? tests = null, int? start = null, int? end = null, string? block = null,
        string thought = "", string? error = null, bool syntaxError = false) => new()
    {
        Number = number,
        Sequence = number,
        Action = action,
        Reward = reward,
        CumulativeReward = cumulative,
        Code = code ?? [],
        Tests = tests ?? [],
        StartLine = start,
        EndLine = end,
        NewCode = block,
        Thought = thought,
        Error = error,
        SyntaxError = syntaxError,
    };

    public static TestResult Pass(string name) => new(name, true, null);

    public static TestResult Fail(string name, string message = "expected 1, got 2") => new(name, false, message);

    public static StepView Replace(int number, int line, string block) =>
        Make(number, ActionType.REPLACE_LINES, start: line, end: line, block: block);

    public static StepView Run(int number, params TestResult[] tests) => Make(number, ActionType.RUN_TESTS, tests: tests);
}
