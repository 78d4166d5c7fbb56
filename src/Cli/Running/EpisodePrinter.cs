using TraceFix.Cli.Output;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Agents;
using TraceFix.Core.Episodes;

namespace TraceFix.Cli.Running;

/// <summary>What one printed episode came to, for summaries.</summary>
public sealed record PrintedEpisode(string Task, string? Difficulty, bool Success, int Steps, double Score, string? StopReason, string? Failure);

/// <summary>
/// Plays one episode and prints it the way the seed does: [START] once the reset succeeded, one [STEP] per step and
/// always an [END], also when the episode breaks off (score 0.00, the rewards so far).
/// </summary>
public static class EpisodePrinter
{
    public static async Task<PrintedEpisode> RunAsync(
        IAgent agent,
        IEnvironmentSession environment,
        ResetOptions reset,
        string label,
        string benchmark,
        EpisodeRunOptions options,
        TextWriter output,
        TextWriter error,
        CancellationToken cancellationToken)
    {
        var rewards = new List<double>();
        var started = false;
        var steps = 0;
        string? difficulty = null;
        try
        {
            var outcome = await new EpisodeRunner().RunAsync(agent, environment, reset, options,
                onReset: async result =>
                {
                    difficulty = result.Observation.Info.GetValueOrDefault("task_difficulty")?.ToString();
                    await output.WriteLineAsync(SeedLog.Start(label, benchmark, agent.Model));
                    await output.FlushAsync(cancellationToken);
                    started = true;
                },
                onStep: async step =>
                {
                    var reward = step.Result.Reward ?? 0.0;
                    rewards.Add(reward);
                    steps = step.Step;
                    await output.WriteLineAsync(SeedLog.Step(step.Step, step.Action.ActionType.ToString(), reward, step.Result.Done, step.Error));
                    await output.FlushAsync(cancellationToken);
                },
                cancellationToken: cancellationToken);
            await output.WriteLineAsync(SeedLog.End(outcome.Success, outcome.Steps, outcome.Killed ? 0.0 : outcome.Score, outcome.Rewards));
            await output.FlushAsync(cancellationToken);
            if (outcome.StopReason is { } reason)
            {
                await error.WriteLineAsync($"tracefix: {label}: {reason}");
            }
            return new PrintedEpisode(label, difficulty, outcome.Success, outcome.Steps, outcome.Killed ? 0.0 : outcome.Score, outcome.StopReason, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            if (!started)
            {
                await output.WriteLineAsync(SeedLog.Start(label, benchmark, agent.Model));
            }
            await output.WriteLineAsync(SeedLog.End(false, steps, 0.0, rewards));
            await output.FlushAsync(cancellationToken);
            await error.WriteLineAsync($"tracefix: {label}: {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}");
            return new PrintedEpisode(label, difficulty, false, steps, 0.0, null, ex.Message);
        }
    }
}
