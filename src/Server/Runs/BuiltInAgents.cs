using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.Options;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Llm;
using TraceFix.Core.Agents.Offline;
using TraceFix.Core.Sandbox;
using TraceFix.Server.Hosting;

namespace TraceFix.Server.Runs;

/// <summary>Registers the agents the server can run: the offline repair agent, the LLM policy and replay.</summary>
public static class BuiltInAgents
{
    public static WebApplicationBuilder AddBuiltInAgents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<OfflineAgentOptions>().Validate<IConfiguration>((_, c) => !Moved(c, "Agents:Offline"), MovedMessage("Offline"));
        services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Offline,
            (_, _) => new OfflineRepairAgent().Model,
            (sp, _, _) => ValueTask.FromResult<IAgent>(new OfflineRepairAgent(
                sp.GetRequiredService<IOptions<OfflineAgentOptions>>().Value, sp.GetRequiredService<IOptions<SandboxOptions>>().Value))));

        AddSeedVariables(builder.Configuration);
        services.AddSettings<LlmAgentOptions>().Validate<IConfiguration>((_, c) => !Moved(c, "Agents:Llm"), MovedMessage("Llm"));
        services.AddSettings<ModelEndpointsOptions>();
        services.AddSingleton<IValidateOptions<ModelEndpointsOptions>, ModelPriceTextValidator>();
        services.AddSingleton<ModelEndpoints>();
        services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Llm,
            (sp, requested) => requested ?? Llm(sp).Model,
            (sp, plan, _) => ValueTask.FromResult<IAgent>(new LlmAgent(
                sp.GetRequiredService<ModelEndpoints>().OptionsFor(plan.ModelEndpoint, plan.Model))),
            sp => sp.GetRequiredService<ModelEndpoints>().AnyNamed ? null : LlmUnavailable(Llm(sp))));

        services.AddSingleton<ReplayTrajectories>();
        services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Replay,
            (_, _) => "replay",
            async (sp, plan, ct) => await sp.GetRequiredService<ReplayTrajectories>().CreateAgentAsync(plan, ct)));
        return builder;
    }

    /// <summary>The sections' old place is refused rather than silently ignored (an LLM key there would go unused).</summary>
    private static bool Moved(IConfiguration configuration, string oldSection) => configuration.GetSection(oldSection).Exists();

    private static string MovedMessage(string agent) =>
        $"Agents:{agent} is no longer read: move these settings to TraceFix:Agents:{agent} (environment TraceFix__Agents__{agent}__*)";

    private static LlmAgentOptions Llm(IServiceProvider services) => services.GetRequiredService<IOptions<LlmAgentOptions>>().Value;

    /// <summary>
    /// The seed's environment variables (API_BASE_URL, MODEL_NAME, HF_TOKEN or API_KEY) become the lowest-priority values
    /// of <c>TraceFix:Agents:Llm</c>, so the section overrides them. The key lives only here; a run request cannot carry one.
    /// </summary>
    private static void AddSeedVariables(IConfigurationManager configuration)
    {
        var seed = LlmAgentOptions.SeedSettings(Environment.GetEnvironmentVariable)
            .Select(pair => new KeyValuePair<string, string?>($"{LlmAgentOptions.Section}:{pair.Key}", pair.Value))
            .ToList();
        if (seed.Count > 0)
        {
            configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = seed });
        }
    }

    private static string? LlmUnavailable(LlmAgentOptions options) =>
        options.ApiKey == LlmAgentOptions.PlaceholderKey && options.ApiBaseUrl == LlmAgentOptions.DefaultBaseUrl
            ? "the llm agent is not configured on this server: set HF_TOKEN or API_KEY (and optionally API_BASE_URL, MODEL_NAME) in its environment"
            : null;
}
