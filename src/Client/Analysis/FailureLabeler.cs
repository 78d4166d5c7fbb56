using TraceFix.Client.Model;
using TraceFix.Contracts.Environment;

namespace TraceFix.Client.Analysis;

/// <summary>Derives failure labels from an episode's trajectory, so stored runs get them without a server change.</summary>
public static class FailureLabeler
{
    public const int LoopThreshold = 3;

    public static IReadOnlyList<FailureLabel> Label(EpisodeView episode)
    {
        var labels = new List<FailureLabel>();
        var steps = episode.Steps;
        if (steps.Count == 0 || episode.Success == true)
        {
            return labels;
        }

        var last = steps[^1];
        var lastTests = steps.LastOrDefault(s => s.Tests.Count > 0)?.Tests ?? [];
        if (last.Action == ActionType.SUBMIT && (lastTests.Count == 0 || lastTests.Any(t => !t.Passed)))
        {
            labels.Add(FailureLabel.SubmittedFailing(lastTests.Count(t => t.Passed), lastTests.Count));
        }

        var (loopAction, loopLength) = LongestRepeat(steps);
        if (loopLength >= LoopThreshold)
        {
            labels.Add(FailureLabel.Looped(loopAction, loopLength));
        }

        if (episode.Finished && last.Action != ActionType.SUBMIT && steps.Count >= episode.MaxSteps && episode.StopReason is null)
        {
            labels.Add(FailureLabel.StepLimit(steps.Count));
        }

        if (last.SyntaxError)
        {
            labels.Add(FailureLabel.SyntaxErrorLeft());
        }

        if (episode.StopReason is { Length: > 0 } reason)
        {
            labels.Add(FailureLabel.KillSwitch(reason));
        }
        return labels;
    }

    private static (string Action, int Length) LongestRepeat(IReadOnlyList<StepView> steps)
    {
        string best = "";
        int bestLength = 0, run = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            run = i > 0 && steps[i].ActionKey == steps[i - 1].ActionKey ? run + 1 : 1;
            if (run > bestLength)
            {
                bestLength = run;
                best = steps[i].ActionLabel;
            }
        }
        return (best, bestLength);
    }
}
