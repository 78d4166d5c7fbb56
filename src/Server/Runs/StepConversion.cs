using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;

namespace TraceFix.Server.Runs;

/// <summary>Turns what the episode runner reports into the stored step.</summary>
public static class StepConversion
{
    public static StepDto ToDto(EpisodeStep step, long sequence, long episodeId, string previousCode, int maxOutputChars) =>
        Build(sequence, episodeId, step.Step, step.Action, step.Result, step.CumulativeReward, step.Error,
            step.Usage, step.EnvironmentLatencyMs, step.At, previousCode, maxOutputChars);

    public static StepDto Build(long sequence, long episodeId, int index, CodeAction action, StepResult result, double cumulativeReward,
        string? error, AgentUsage? usage, double environmentMs, DateTimeOffset at, string previousCode, int maxOutputChars)
    {
        var observation = result.Observation;
        var tests = observation.TestResults;
        return new StepDto(
            sequence,
            episodeId,
            index,
            action.Thought,
            new StepActionDto(action.ActionType, action.StartLine, action.EndLine, action.NewCodeBlock),
            result.Reward ?? observation.RewardLastStep,
            cumulativeReward,
            result.Done,
            error,
            tests.Count(t => t.Passed),
            tests.Count,
            tests,
            observation.SyntaxError,
            Cap(observation.LastExecutionOutput, maxOutputChars),
            observation.CodeDict.Count == 0 ? previousCode : CodeOf(observation),
            Math.Round(usage?.LatencyMs ?? 0, 2),
            Math.Round(environmentMs, 2),
            usage?.PromptTokens ?? 0,
            usage?.CompletionTokens ?? 0,
            at);
    }

    /// <summary>The full source behind an observation's code_dict (1-based line numbers as keys).</summary>
    public static string CodeOf(Observation observation)
    {
        var lines = observation.CodeDict
            .Select(pair => (Line: int.TryParse(pair.Key, out var n) ? n : int.MaxValue, Text: pair.Value))
            .OrderBy(pair => pair.Line)
            .Select(pair => pair.Text);
        return string.Join('\n', lines) + (observation.CodeDict.Count > 0 ? "\n" : "");
    }

    private static string Cap(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max), $"\n… [{text.Length - max} more characters]");
}
