using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using static TraceFix.Contracts.Runs.FailureLabelCodes;

namespace TraceFix.Server.Runs;

/// <summary>
/// Computes why an unsolved episode did not succeed, in the vocabulary of <see cref="FailureLabelCodes"/>: the one place
/// labels are derived (the dashboard only shows them).
/// </summary>
public static class FailureLabels
{
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
        if (steps.Count >= maxSteps && last?.Action.Type != ActionType.SUBMIT)
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
        if (LongestRepeat(steps) >= LoopThreshold)
        {
            labels.Add(Looped);
        }
        if (last?.SyntaxError == true)
        {
            labels.Add(SyntaxError);
        }
        if (last is { TestTotal: > 0 } && last.PassCount < last.TestTotal)
        {
            labels.Add(last.Action.Type == ActionType.SUBMIT ? SubmittedFailing : TestsFailing);
        }
        return labels;
    }

    private static int LongestRepeat(IReadOnlyList<StepDto> steps)
    {
        int best = 0, run = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            run = i > 0 && steps[i].Action == steps[i - 1].Action ? run + 1 : 1;
            best = Math.Max(best, run);
        }
        return best;
    }
}
