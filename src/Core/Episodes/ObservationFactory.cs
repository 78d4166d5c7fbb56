using TraceFix.Contracts.Episodes;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>Builds the observations of reset and step with the field set and types of the original environment.</summary>
internal static class ObservationFactory
{
    public static StepResult Reset(Episode episode, EnvironmentOptions options)
    {
        var code = episode.Code;
        var output = OutputTexts.EpisodeStarted(
            episode.Id, episode.Task.Name, episode.Task.Difficulty.ToWire(), code.Lines.Count, options.MaxSteps);
        var stepsLeft = Math.Max(0, options.MaxSteps - episode.StepCount);
        if (episode.StepCount > 0 || episode.UndoDepth > 0)
        {
            output += "\n" + OutputTexts.Restored(episode.StepCount, episode.UndoDepth, stepsLeft);
        }
        if (code.Syntax is not null)
        {
            output += "\n\n" + code.Syntax.Describe();
        }
        var metadata = new Dictionary<string, object?>
        {
            ["system_prompt"] = EpisodeBrief.Write(episode.Task, code.Lines, options.MaxSteps),
            ["episode_id"] = episode.Id,
            ["task"] = episode.Task.Name,
            ["task_difficulty"] = episode.Task.Difficulty.ToWire(),
            ["task_title"] = episode.Task.Title,
            ["max_steps"] = options.MaxSteps,
            ["cumulative_reward"] = episode.CumulativeReward,
            ["step"] = episode.StepCount,
            ["last_action_error"] = null,
        };
        var observation = new Observation
        {
            CodeDict = code.ToCodeDict(),
            LocalizedContext = "",
            LastExecutionOutput = output,
            SyntaxError = code.Syntax is not null,
            TestResults = [],
            StepCount = episode.StepCount,
            StepsRemaining = stepsLeft,
            RewardLastStep = 0.0,
            Info = Info(episode),
            Metadata = metadata,
            Done = false,
            Reward = null,
        };
        return new StepResult(observation, null, false);
    }

    public static StepResult Step(Episode episode, EnvironmentOptions options, string output, double reward, string? actionError)
    {
        var code = episode.Code;
        var metadata = new Dictionary<string, object?>
        {
            ["episode_id"] = episode.Id,
            ["task"] = episode.Task.Name,
            ["cumulative_reward"] = episode.CumulativeReward,
            ["step"] = episode.StepCount,
            ["last_action_error"] = actionError,
        };
        var info = Info(episode);
        if (episode.Done && episode.FinalScore is { } score)
        {
            var report = episode.LastReport;
            metadata["final_score"] = score;
            metadata["efficiency"] = FinalScore.Efficiency(episode.StepCount, options.MaxSteps);
            metadata["tests_passed"] = report is null ? 0 : TestRunOutput.Passed(report, code.Syntax);
            metadata["tests_total"] = report?.Total ?? 0;
            info["final_score"] = score;
        }
        var observation = new Observation
        {
            CodeDict = code.ToCodeDict(),
            LocalizedContext = episode.Context(options),
            LastExecutionOutput = output,
            SyntaxError = code.Syntax is not null,
            TestResults = episode.LastReport is { } last ? [.. last.Results] : [],
            StepCount = episode.StepCount,
            StepsRemaining = Math.Max(0, options.MaxSteps - episode.StepCount),
            RewardLastStep = reward,
            Info = info,
            Metadata = metadata,
            Done = episode.Done,
            Reward = reward,
        };
        return new StepResult(observation, reward, episode.Done);
    }

    private static Dictionary<string, object?> Info(Episode episode) => new()
    {
        ["episode_id"] = episode.Id,
        ["task_name"] = episode.Task.Name,
        ["task_difficulty"] = episode.Task.Difficulty.ToWire(),
    };
}
