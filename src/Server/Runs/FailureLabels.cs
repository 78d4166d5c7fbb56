using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;

namespace TraceFix.Server.Runs;

/// <summary>Why an unsolved episode did not succeed, as short machine-readable labels for filtering and the leaderboard.</summary>
public static class FailureLabels
{
    public const string KillSwitch = "kill_switch";
    public const string AgentStopped = "agent_stopped";
    public const string BudgetExhausted = "budget_exhausted";
    public const string ParseError = "parse_error";
    public const string InvalidAction = "invalid_action";
    public const string SyntaxError = "syntax_error";
    public const string TestsFailing = "tests_failing";
    public const string NotSubmitted = "not_submitted";
    public const string Cancelled = "cancelled";
    public const string Error = "error";

    public static IReadOnlyList<string> For(EpisodeOutcome outcome, IReadOnlyList<StepDto> steps, int maxSteps)
    {
        if (outcome.Success)
        {
            return [];
        }
        var labels = new List<string>();
        if (outcome.StopReason is { } reason)
        {
            labels.Add(reason.StartsWith("KILL_SWITCH", StringComparison.Ordinal) ? KillSwitch : AgentStopped);
        }
        var last = steps.Count > 0 ? steps[^1] : null;
        if (steps.Count >= maxSteps && last?.Action.Type != Contracts.Episodes.ActionType.SUBMIT)
        {
            labels.Add(BudgetExhausted);
        }
        else if (last is null || !last.Done)
        {
            labels.Add(NotSubmitted);
        }
        if (steps.Any(s => s.Error?.StartsWith("PARSE_ERROR", StringComparison.Ordinal) == true))
        {
            labels.Add(ParseError);
        }
        if (steps.Any(s => s.Error is not null && !s.Error.StartsWith("PARSE_ERROR", StringComparison.Ordinal)))
        {
            labels.Add(InvalidAction);
        }
        if (last?.SyntaxError == true)
        {
            labels.Add(SyntaxError);
        }
        if (last is { TestTotal: > 0 } && last.PassCount < last.TestTotal)
        {
            labels.Add(TestsFailing);
        }
        return labels;
    }
}
