using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Core.Agents;

/// <summary>
/// The agent's choice for one step. <see cref="ParseError"/> is set when the model's answer could not be used and the
/// action is the recovery action; <see cref="StopReason"/> ends the episode without stepping (a kill switch).
/// </summary>
public sealed record AgentDecision(CodeAction? Action, AgentUsage? Usage = null, string? ParseError = null, string? StopReason = null)
{
    /// <summary>What a model-backed agent sent and received for this decision (message text only, never keys).</summary>
    public ModelExchange? Exchange { get; init; }

    public static AgentDecision Act(CodeAction action, AgentUsage? usage = null) => new(action, usage);

    public static AgentDecision Stop(string reason, AgentUsage? usage = null) => new(null, usage, StopReason: reason);
}

/// <summary>Model cost of one decision.</summary>
public sealed record AgentUsage(int PromptTokens, int CompletionTokens, double LatencyMs, int Attempts = 1);
