using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents;

/// <summary>A policy that picks the next action of an episode: an LLM, the offline repair agent, a replay.</summary>
public interface IAgent
{
    /// <summary>offline, llm, replay or manual.</summary>
    string Kind { get; }

    /// <summary>The model name, or the agent's own name when no model is involved.</summary>
    string Model { get; }

    /// <summary>Called after each reset, before the first decision.</summary>
    void BeginEpisode(EpisodeContext context);

    /// <summary>Picks the next action given the latest result (the reset result on the first step).</summary>
    ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken);
}
