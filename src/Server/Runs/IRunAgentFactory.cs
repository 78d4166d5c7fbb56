using TraceFix.Core.Agents;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>Creates the agent of a run; one agent plays all the run's episodes.</summary>
public interface IRunAgentFactory
{
    /// <summary>Whether runs of this kind can be started here (e.g. the LLM agent needs an endpoint and key in configuration).</summary>
    bool Supports(string agentKind, out string? reason);

    /// <summary>The model name a new run records: the requested one or the kind's default.</summary>
    string ModelFor(string agentKind, string? requestedModel);

    ValueTask<IAgent> CreateAsync(RunPlan plan, CancellationToken cancellationToken);
}
