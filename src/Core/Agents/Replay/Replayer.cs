using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;

namespace TraceFix.Core.Agents.Replay;

/// <summary>Replays a recording against an environment and reports the first divergence.</summary>
public static class Replayer
{
    public static async Task<DivergenceReport> ReplayAsync(
        IEnvironmentSession environment,
        ResetOptions reset,
        IReadOnlyList<RecordedStep> recording,
        Func<EpisodeStep, ValueTask>? onStep = null,
        CancellationToken cancellationToken = default)
    {
        var agent = new ReplayAgent(recording);
        StepResult? last = null;
        // The recording already obeyed (or deliberately ignored) any repeat limit: replay it as it was.
        var options = new EpisodeRunOptions { MaxSteps = recording.Count + 1, RepeatedActionLimit = 0 };
        await new EpisodeRunner().RunAsync(agent, environment, reset, options, onStep: async step =>
        {
            last = step.Result;
            if (onStep is not null)
            {
                await onStep(step);
            }
        }, cancellationToken: cancellationToken);
        if (last is not null)
        {
            agent.Observe(last);
        }
        return agent.Report;
    }
}
