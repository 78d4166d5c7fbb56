using System.Text.Json;
using System.Text.Json.Serialization;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>Record ↔ DTO mapping for the store.</summary>
public static partial class StoreMapping
{
    public static RunSummary AsSummary(this RunRecord run, long lastSequence) => new(
        run.Id, run.Status, run.AgentKind, run.Model, run.TaskSelection, run.MaxSteps, run.Seed,
        run.CreatedAt, run.StartedAt, run.FinishedAt, run.EpisodeCount, run.PlannedEpisodes, run.SolvedCount,
        run.ScoredEpisodes == 0 ? null : Math.Round(run.ScoreSum / run.ScoredEpisodes, 4),
        run.TotalTokens, lastSequence, run.ReplaySourceRunId, run.Error)
    {
        PlannedTasks = string.Join(',', run.PlannedTaskNames),
        ForkedFrom = run.ParentRunId is { } parent && run.ForkSequence is { } sequence
            ? new ForkOrigin(parent, sequence, run.ForkEpisodeIndex ?? 0, run.ForkStepIndex ?? 0)
            : null,
        ModelEndpoint = run.ModelEndpoint,
        InputPricePerMTok = run.InputPricePerMTok,
        OutputPricePerMTok = run.OutputPricePerMTok,
        PromptTokens = run.PromptTokens,
        CompletionTokens = run.TotalTokens - run.PromptTokens,
        Cost = TokenCost.Of(run.PromptTokens, run.TotalTokens - run.PromptTokens, run.InputPricePerMTok, run.OutputPricePerMTok),
    };

    public static EpisodeDto AsDto(this EpisodeRecord episode, IReadOnlyList<StepDto>? steps = null) => new(
        episode.Id, episode.RunId, episode.Index, episode.TaskName, episode.Difficulty, episode.Status, episode.Success,
        episode.FinalScore, episode.StepCount, SplitLabels(episode.FailureLabels), episode.StopReason, episode.OriginalCode,
        episode.StartedAt, episode.FinishedAt, steps ?? []);

    public static StepDto AsDto(this StepRecord step) => new(
        step.Sequence, step.EpisodeId, step.Index, step.Thought,
        new StepActionDto(ParseAction(step.ActionType), step.StartLine, step.EndLine, step.CodeBlock),
        step.Reward, step.CumulativeReward, step.Done, step.Error, step.PassCount, step.TestTotal,
        ReadTests(step.TestResultsJson), step.SyntaxError, step.Output, step.CodeSnapshot, step.LatencyMs,
        step.EnvironmentLatencyMs, step.PromptTokens, step.CompletionTokens, step.Timestamp);

    public static StepRecord ToRecord(this StepDto step, Guid runId, long episodeId) => new()
    {
        RunId = runId,
        EpisodeId = episodeId,
        Sequence = step.Sequence,
        Index = step.Index,
        Thought = step.Thought,
        ActionType = step.Action.Type.ToString(),
        StartLine = step.Action.StartLine,
        EndLine = step.Action.EndLine,
        CodeBlock = step.Action.CodeBlock,
        Reward = step.Reward,
        CumulativeReward = step.CumulativeReward,
        Done = step.Done,
        Error = step.Error,
        PassCount = step.PassCount,
        TestTotal = step.TestTotal,
        TestResultsJson = WriteTests(step.TestResults),
        SyntaxError = step.SyntaxError,
        Output = step.Output,
        CodeSnapshot = step.CodeSnapshot,
        LatencyMs = step.LatencyMs,
        EnvironmentLatencyMs = step.EnvironmentLatencyMs,
        PromptTokens = step.PromptTokens,
        CompletionTokens = step.CompletionTokens,
        Timestamp = step.Timestamp,
    };

    public static string JoinLabels(IEnumerable<string> labels) => string.Join(',', labels.Distinct(StringComparer.Ordinal));

    private static IReadOnlyList<string> SplitLabels(string labels) => labels.Split(',', StringSplitOptions.RemoveEmptyEntries);

    private static ActionType ParseAction(string text) => Enum.TryParse<ActionType>(text, out var type) ? type : ActionType.VIEW_CODE;

    private static string WriteTests(IReadOnlyList<TestResult> results) =>
        results.Count == 0 ? "[]" : JsonSerializer.Serialize(results as List<TestResult> ?? [.. results], StoreJson.Default.ListTestResult);

    internal static IReadOnlyList<TestResult> ReadTests(string json) =>
        json is "[]" or "" ? [] : JsonSerializer.Deserialize(json, StoreJson.Default.ListTestResult) ?? [];

    [JsonSerializable(typeof(List<TestResult>))]
    private sealed partial class StoreJson : JsonSerializerContext;
}
