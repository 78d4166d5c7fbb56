using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents.Llm;
using TraceFix.Core.Agents.Offline;

namespace TraceFix.Server.Runs;

/// <summary>Registers the agents the server can run: the offline repair agent, the LLM policy and replay.</summary>
public static class BuiltInAgents
{
    public static IServiceCollection AddBuiltInAgents(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Offline,
            (_, _) => new OfflineRepairAgent().Model,
            (_, _, _) => ValueTask.FromResult<Core.Agents.IAgent>(new OfflineRepairAgent())));

        services.AddSingleton(_ => LlmSettings(configuration));
        services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Llm,
            (sp, requested) => requested ?? sp.GetRequiredService<LlmAgentOptions>().Model,
            (sp, plan, _) => ValueTask.FromResult<Core.Agents.IAgent>(
                new LlmAgent(sp.GetRequiredService<LlmAgentOptions>() with { Model = plan.Model })),
            sp => LlmUnavailable(sp.GetRequiredService<LlmAgentOptions>())));

        services.AddSingleton<ReplayTrajectories>();
        services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Replay,
            (_, _) => "replay",
            async (sp, plan, ct) => await sp.GetRequiredService<ReplayTrajectories>().CreateAgentAsync(plan, ct)));
        return services;
    }

    /// <summary>
    /// The LLM endpoint: the seed's environment variables (API_BASE_URL, MODEL_NAME, HF_TOKEN or API_KEY), overridden by the
    /// <c>Agents:Llm</c> section. The key lives only here; a run request cannot carry one.
    /// </summary>
    private static LlmAgentOptions LlmSettings(IConfiguration configuration)
    {
        var options = LlmAgentOptions.FromEnvironment(Environment.GetEnvironmentVariable);
        configuration.GetSection(LlmAgentOptions.SectionName).Bind(options);
        return options;
    }

    private static string? LlmUnavailable(LlmAgentOptions options) =>
        options.ApiKey == LlmAgentOptions.PlaceholderKey && options.ApiBaseUrl == LlmAgentOptions.DefaultBaseUrl
            ? "the llm agent is not configured on this server: set HF_TOKEN or API_KEY (and optionally API_BASE_URL, MODEL_NAME) in its environment"
            : null;
}
