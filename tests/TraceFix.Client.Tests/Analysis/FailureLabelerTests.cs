using TraceFix.Client.Analysis;
using TraceFix.Client.Model;
using TraceFix.Client.Tests.Support;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Tests.Analysis;

public sealed class FailureLabelerTests
{
    private static EpisodeView Episode(IReadOnlyList<StepView> steps, int maxSteps = 50, string? stop = null, params string[] server) => new()
    {
        Index = 0, TaskName = "t", Steps = steps, MaxSteps = maxSteps, Status = EpisodeStatus.Completed, Success = false,
        StopReason = stop, ServerLabels = server,
    };

    private static string[] Codes(EpisodeView episode) => [.. FailureLabeler.Label(episode).Select(l => l.Code)];

    [Fact]
    public void Label_SubmitWithFailingTests()
    {
        var steps = new[] { Steps.Run(1, Steps.Pass("a"), Steps.Fail("b")), Steps.Make(2, ActionType.SUBMIT, tests: [Steps.Pass("a"), Steps.Fail("b")]) };

        Assert.Equal(["submitted-failing"], Codes(Episode(steps)));
    }

    [Fact]
    public void Label_LoopOnOneAction()
    {
        var steps = new[] { Steps.Make(1), Steps.Replace(2, 3, "x"), Steps.Replace(3, 3, "x"), Steps.Replace(4, 3, "x") };

        Assert.Contains("looped", Codes(Episode(steps)));
    }

    [Fact]
    public void Label_StepLimitSyntaxErrorAndKillSwitch()
    {
        var steps = new[] { Steps.Make(1), Steps.Run(2), Steps.Make(3, ActionType.REPLACE_LINES, start: 2, end: 2, block: "def (", syntaxError: true) };

        Assert.Equal(["step-limit", "syntax-error"], Codes(Episode(steps, maxSteps: 3)));
        Assert.Contains("kill-switch", Codes(Episode(steps, stop: "KILL_SWITCH: RUN_TESTS chosen 3 times in a row")));
    }

    [Fact]
    public void Label_ServerLabelsAreMappedWithoutDuplicates()
    {
        var steps = new[] { Steps.Make(1), Steps.Run(2), Steps.Make(3, ActionType.UNDO_EDIT) };

        Assert.Equal(["step-limit", "parse-error", "weird-thing"], Codes(Episode(steps, maxSteps: 3, null, "budget_exhausted", "parse_error", "weird_thing")));
    }

    [Fact]
    public void Label_SolvedEpisodeHasNoLabels()
    {
        var solved = Episode([Steps.Make(1), Steps.Make(2), Steps.Make(3)]) with { Success = true };

        Assert.Empty(FailureLabeler.Label(solved));
    }
}
