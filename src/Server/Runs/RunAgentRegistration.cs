using TraceFix.Core.Agents;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>
/// How to build one kind of agent. Registered as a singleton; when a kind is registered twice the last registration wins,
/// so a host (or a test) can replace an agent.
/// </summary>
/// <param name="Unavailable">Returns why the kind cannot run here (missing configuration), or null when it can.</param>
public sealed record RunAgentRegistration(
    string Kind,
    Func<IServiceProvider, string?, string> ModelFor,
    Func<IServiceProvider, RunPlan, CancellationToken, ValueTask<IAgent>> Create,
    Func<IServiceProvider, string?>? Unavailable = null);
