using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Offline;
using TraceFix.Core.Agents.Replay;
using TraceFix.Core.Episodes;
using TraceFix.Core.Tests.Sandbox;

namespace TraceFix.Core.Tests.Agents;

[Collection(SandboxCollection.Name)]
public sealed class ReplayTests(SandboxFixture sandbox)
{
    private const string Task = "reverse_string_returns_original";

    private async Task<List<RecordedStep>> RecordAsync()
    {
        await using var environment = new DebugEnvironment(sandbox.Tasks, sandbox.Runner, new EnvironmentOptions());
        var recording = new List<RecordedStep>();
        await new EpisodeRunner().RunAsync(new OfflineRepairAgent(), environment, new ResetOptions(TaskName: Task), new EpisodeRunOptions(),
            onStep: s =>
            {
                recording.Add(RecordedStep.From(s));
                return ValueTask.CompletedTask;
            });
        return recording;
    }

    private async Task<DivergenceReport> ReplayAsync(IReadOnlyList<RecordedStep> recording)
    {
        await using var environment = new DebugEnvironment(sandbox.Tasks, sandbox.Runner, new EnvironmentOptions());
        return await Replayer.ReplayAsync(environment, new ResetOptions(TaskName: Task), recording);
    }

    [Fact]
    public async Task AFaithfulReplay_MatchesEveryStep()
    {
        var recording = await RecordAsync();

        var report = await ReplayAsync(recording);

        Assert.True(report.Faithful, report.ToString());
        Assert.Equal(recording.Count, report.ReplayedSteps);
    }

    [Fact]
    public async Task AChangedReward_IsReportedAtItsStep()
    {
        var recording = await RecordAsync();
        recording[1] = recording[1] with { Reward = recording[1].Reward + 0.5 };

        var report = await ReplayAsync(recording);

        Assert.Equal(new Divergence(2, "reward", Fmt(recording[1].Reward), Fmt(recording[1].Reward - 0.5)), report.FirstDivergence);
        Assert.Equal(2, report.ReplayedSteps);
    }

    [Fact]
    public async Task ADifferentAction_ShowsUpAsAnObservationDivergence()
    {
        var recording = await RecordAsync();
        var edit = recording.FindIndex(r => r.Action.ActionType == ActionType.REPLACE_LINES);
        recording[edit] = recording[edit] with { Action = recording[edit].Action with { NewCodeBlock = "    return text[::-1]" } };

        var report = await ReplayAsync(recording);

        Assert.Equal(recording[edit].Step, report.FirstDivergence?.Step);
        Assert.Equal("observation", report.FirstDivergence?.Field);
    }

    private static string Fmt(double value) => value.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);
}
