using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;

namespace TraceFix.Core.Agents;

/// <summary>One recorded step: the decision, what the environment answered, and what it cost.</summary>
public sealed record EpisodeStep(
    int Step,
    CodeAction Action,
    StepResult Result,
    double CumulativeReward,
    string? Error,
    AgentUsage? Usage,
    double EnvironmentLatencyMs,
    DateTimeOffset At)
{
    /// <summary>The model exchange behind the decision, for agents that call a model.</summary>
    public ModelExchange? Exchange { get; init; }
}
