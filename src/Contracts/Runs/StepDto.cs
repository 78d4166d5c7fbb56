using TraceFix.Contracts.Episodes;

namespace TraceFix.Contracts.Runs;

/// <summary>One recorded step.</summary>
/// <param name="Sequence">Per-run, strictly increasing from 1 across all episodes: the resume point for late joiners.</param>
/// <param name="Index">1-based step number inside its episode.</param>
/// <param name="Output">The environment's execution output after the step (capped).</param>
/// <param name="CodeSnapshot">The full code after the step; diff it with the previous step (or the episode's original code).</param>
/// <param name="LatencyMs">Agent decision time (model call) in milliseconds; 0 for agents without a model.</param>
/// <param name="EnvironmentLatencyMs">Time the environment took to apply the step (test runs included).</param>
public sealed record StepDto(
    long Sequence,
    long EpisodeId,
    int Index,
    string Thought,
    StepActionDto Action,
    double Reward,
    double CumulativeReward,
    bool Done,
    string? Error,
    int PassCount,
    int TestTotal,
    IReadOnlyList<TestResult> TestResults,
    bool SyntaxError,
    string Output,
    string CodeSnapshot,
    double LatencyMs,
    double EnvironmentLatencyMs,
    int PromptTokens,
    int CompletionTokens,
    DateTimeOffset Timestamp);
