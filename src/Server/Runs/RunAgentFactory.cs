using TraceFix.Core.Agents;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

public sealed class RunAgentFactory(IEnumerable<RunAgentRegistration> registrations, IServiceProvider services) : IRunAgentFactory
{
    private readonly Dictionary<string, RunAgentRegistration> _byKind =
        registrations.GroupBy(r => r.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);

    public bool Supports(string agentKind, out string? reason)
    {
        if (!_byKind.TryGetValue(agentKind, out var registration))
        {
            reason = $"agent '{agentKind}' is not available on this server";
            return false;
        }
        reason = registration.Unavailable?.Invoke(services);
        return reason is null;
    }

    public string ModelFor(string agentKind, string? requestedModel) =>
        _byKind.TryGetValue(agentKind, out var registration) ? registration.ModelFor(services, requestedModel) : requestedModel ?? agentKind;

    public ValueTask<IAgent> CreateAsync(RunPlan plan, CancellationToken cancellationToken) =>
        _byKind.TryGetValue(plan.AgentKind, out var registration)
            ? registration.Create(services, plan, cancellationToken)
            : throw new InvalidOperationException($"agent '{plan.AgentKind}' is not available on this server");
}
