using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;

namespace TraceFix.Core.Agents;

/// <summary>Plays one episode: reset, then ask the agent and step the environment until done, a kill switch or the step budget.</summary>
public sealed class EpisodeRunner(TimeProvider? clock = null)
{
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<EpisodeOutcome> RunAsync(
        IAgent agent,
        IEnvironmentSession environment,
        ResetOptions reset,
        EpisodeRunOptions options,
        Func<StepResult, ValueTask>? onReset = null,
        Func<EpisodeStep, ValueTask>? onStep = null,
        CancellationToken cancellationToken = default)
    {
        var result = await environment.ResetAsync(reset, cancellationToken);
        var taskName = Describe(result.Observation.Info, "task_name") ?? reset.TaskName ?? "unknown";
        if (onReset is not null)
        {
            await onReset(result);
        }
        agent.BeginEpisode(new EpisodeContext(taskName, Describe(result.Observation.Info, "task_difficulty"), result, options.MaxSteps, options.Seed));

        // A reset that resumed from a snapshot (a fork) has spent part of the budget and carries its running reward on;
        // its steps are still numbered from 1, as the trajectory of this episode.
        var budget = options.MaxSteps - Math.Max(0, result.Observation.StepCount);
        var rewards = new List<double>();
        var cumulative = Number(result.Observation.Metadata, "cumulative_reward") ?? 0.0;
        ActionType? lastType = null;
        var sameTypeRun = 0;
        var steps = 0;
        for (var step = 1; step <= budget && !result.Done; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var decision = await agent.DecideAsync(result, cancellationToken);
            if (decision.StopReason is not null || decision.Action is null)
            {
                return new EpisodeOutcome(taskName, false, step, 0.0, rewards, decision.StopReason ?? "agent stopped");
            }

            var action = decision.Action;
            sameTypeRun = action.ActionType == lastType ? sameTypeRun + 1 : 1;
            lastType = action.ActionType;
            if (options.RepeatedActionLimit > 0 && sameTypeRun >= options.RepeatedActionLimit)
            {
                return new EpisodeOutcome(taskName, false, step, 0.0, rewards,
                    $"KILL_SWITCH: {action.ActionType} chosen {sameTypeRun} times in a row");
            }

            var started = Stopwatch.GetTimestamp();
            result = await environment.StepAsync(action, cancellationToken);
            var envMs = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var reward = result.Reward ?? 0.0;
            rewards.Add(reward);
            cumulative += reward;
            steps = step;

            var error = decision.ParseError is not null
                ? $"PARSE_ERROR: {decision.ParseError}"
                : Describe(result.Observation.Metadata, "last_action_error");
            if (onStep is not null)
            {
                await onStep(new EpisodeStep(step, action, result, Math.Round(cumulative, 4), error?.Replace('\n', ' '),
                    decision.Usage, envMs, _clock.GetUtcNow()) { Exchange = decision.Exchange });
            }
        }

        var score = Score(result, rewards);
        return new EpisodeOutcome(taskName, score >= options.SuccessThreshold, steps, score, rewards, null);
    }

    /// <summary>The seed's score rule: metadata.final_score, else info.final_score, else the reward sum; clamped to [0.01, 0.98].</summary>
    public static double Score(StepResult last, IReadOnlyList<double> rewards)
    {
        var raw = Number(last.Observation.Metadata, "final_score")
            ?? Number(last.Observation.Info, "final_score")
            ?? rewards.Sum();
        return Math.Clamp(raw, 0.01, 0.98);
    }

    private static double? Number(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        null => null,
        double d => d,
        float f => f,
        int i => i,
        long l => l,
        decimal m => (double)m,
        JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
        JsonElement { ValueKind: JsonValueKind.String } e when double.TryParse(e.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    private static string? Describe(IReadOnlyDictionary<string, object?> map, string key) => map.GetValueOrDefault(key) switch
    {
        null => null,
        JsonElement { ValueKind: JsonValueKind.Null } => null,
        JsonElement { ValueKind: JsonValueKind.String } e => e.GetString(),
        JsonElement e => e.GetRawText(),
        var other => other.ToString(),
    };
}
