using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Model;

/// <summary>One step as the dashboard shows it: the decision, the code it left behind and what the tests said.</summary>
public sealed record StepView
{
    public required int Number { get; init; }
    public long Sequence { get; init; }
    public long EpisodeId { get; init; }
    public string Thought { get; init; } = "";
    public required ActionType Action { get; init; }
    public int? StartLine { get; init; }
    public int? EndLine { get; init; }
    public string? NewCode { get; init; }
    public double Reward { get; init; }
    public double CumulativeReward { get; init; }
    public string? Error { get; init; }

    /// <summary>The code after the step; empty when the feed did not carry it.</summary>
    public IReadOnlyList<string> Code { get; init; } = [];

    /// <summary>Test verdicts of this step; empty when the step ran no tests.</summary>
    public IReadOnlyList<TestResult> Tests { get; init; } = [];

    public string Output { get; init; } = "";
    public bool SyntaxError { get; init; }
    public bool Done { get; init; }
    public int PromptTokens { get; init; }
    public int CompletionTokens { get; init; }
    public double LatencyMs { get; init; }
    public double EnvironmentLatencyMs { get; init; }
    public DateTimeOffset? At { get; init; }

    public int PassedTests => Tests.Count(t => t.Passed);

    /// <summary>A key that two runs share exactly when they took the same action.</summary>
    public string ActionKey => $"{Action}|{StartLine}|{EndLine}|{NewCode?.TrimEnd()}";

    public string ActionLabel => Action switch
    {
        ActionType.REPLACE_LINES when StartLine == EndLine => $"REPLACE {StartLine}",
        ActionType.REPLACE_LINES => $"REPLACE {StartLine}–{EndLine}",
        ActionType.RUN_TESTS => "RUN TESTS",
        ActionType.VIEW_CODE => "VIEW",
        ActionType.UNDO_EDIT => "UNDO",
        ActionType.RESET_TO_ORIGINAL => "RESET",
        _ => Action.ToString(),
    };

    public static StepView From(StepDto dto) => new()
    {
        Number = dto.Index,
        Sequence = dto.Sequence,
        EpisodeId = dto.EpisodeId,
        Thought = dto.Thought,
        Action = dto.Action.Type,
        StartLine = dto.Action.StartLine,
        EndLine = dto.Action.EndLine,
        NewCode = dto.Action.CodeBlock,
        Reward = dto.Reward,
        CumulativeReward = dto.CumulativeReward,
        Error = dto.Error,
        Code = CodeLines.Split(dto.CodeSnapshot),
        Tests = dto.TestResults,
        Output = dto.Output,
        SyntaxError = dto.SyntaxError,
        Done = dto.Done,
        PromptTokens = dto.PromptTokens,
        CompletionTokens = dto.CompletionTokens,
        LatencyMs = dto.LatencyMs,
        EnvironmentLatencyMs = dto.EnvironmentLatencyMs,
        At = dto.Timestamp,
    };
}
