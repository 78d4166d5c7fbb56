using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Server.Runs;

namespace TraceFix.Server.Tests.Runs;

internal static class TestAgents
{
    /// <summary>Replaces the "offline" agent kind by a <see cref="ScriptedAgent"/>.</summary>
    public static Action<IServiceCollection> Scripted(int stepsPerEpisode, SemaphoreSlim? gate = null) => services =>
        services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Offline,
            (_, _) => "scripted",
            (_, _, _) => ValueTask.FromResult<IAgent>(new ScriptedAgent(stepsPerEpisode, gate))));
}
