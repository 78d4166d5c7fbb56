using TraceFix.Client.Model;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Client.Analysis;

/// <summary>Derives failure labels from an episode's trajectory, so stored runs get them without a server change.</summary>
public static class FailureLabeler
{
    public const int LoopThreshold = 3;

    public static IReadOnlyList<FailureLabel> Label(EpisodeView episode)
    {
        var labels = new List<FailureLabel>();
        var steps = episode.Steps;
        if (episode.Success == true)
        {
            return labels;
        }
        foreach (var code in episode.ServerLabels)
        {
            Add(labels, FromServer(code, episode));
        }
        if (steps.Count == 0)
        {
            return labels;
        }

        var last = steps[^1];
        var lastTests = steps.LastOrDefault(s => s.Tests.Count > 0)?.Tests ?? [];
        if (last.Action == ActionType.SUBMIT && (lastTests.Count == 0 || lastTests.Any(t => !t.Passed)))
        {
            Add(labels, FailureLabel.SubmittedFailing(lastTests.Count(t => t.Passed), lastTests.Count));
        }

        var (loopAction, loopLength) = LongestRepeat(steps);
        if (loopLength >= LoopThreshold)
        {
            Add(labels, FailureLabel.Looped(loopAction, loopLength));
        }

        if (episode.Finished && last.Action != ActionType.SUBMIT && steps.Count >= episode.MaxSteps && episode.StopReason is null)
        {
            Add(labels, FailureLabel.StepLimit(steps.Count));
        }

        if (last.SyntaxError)
        {
            Add(labels, FailureLabel.SyntaxErrorLeft());
        }

        if (episode.StopReason is { Length: > 0 } reason)
        {
            Add(labels, FailureLabel.KillSwitch(reason));
        }
        return labels;
    }

    /// <summary>Maps the server's label codes; a code this client does not know is still shown.</summary>
    private static FailureLabel FromServer(string code, EpisodeView episode) => code switch
    {
        "budget_exhausted" => FailureLabel.StepLimit(episode.Steps.Count),
        "kill_switch" => FailureLabel.KillSwitch(episode.StopReason ?? "Stopped by a kill switch."),
        "syntax_error" => FailureLabel.SyntaxErrorLeft(),
        "parse_error" => FailureLabel.ParseError(),
        "tests_failing" when episode.Steps.Count > 0 && episode.Steps[^1].Action == ActionType.SUBMIT =>
            FailureLabel.SubmittedFailing(episode.Steps[^1].PassedTests, episode.Steps[^1].Tests.Count),
        "tests_failing" => FailureLabel.TestsFailing(),
        _ => new FailureLabel(code.Replace('_', '-'), code.Replace('_', ' '), code),
    };

    private static void Add(List<FailureLabel> labels, FailureLabel label)
    {
        if (labels.TrueForAll(l => l.Code != label.Code))
        {
            labels.Add(label);
        }
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
