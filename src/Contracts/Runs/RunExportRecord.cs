namespace TraceFix.Contracts.Runs;

/// <summary>
/// One line of a run export (JSONL, <c>GET /api/runs/{id}/export</c>): first a "run" line, then per episode an "episode" line
/// (without steps) followed by its "step" lines. <c>POST /api/runs/import</c> reads the same format.
/// </summary>
public sealed record RunExportRecord(string Kind, RunSummary? Run = null, EpisodeDto? Episode = null, StepDto? Step = null)
{
    public const string RunKind = "run";
    public const string EpisodeKind = "episode";
    public const string StepKind = "step";
    public const string Format = "tracefix-run/1";

    /// <summary>Format marker, set on the "run" line.</summary>
    public string? Version { get; init; }
}
