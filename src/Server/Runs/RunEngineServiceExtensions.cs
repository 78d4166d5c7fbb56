using Microsoft.Extensions.DependencyInjection.Extensions;
using TraceFix.Server.Hosting;
using TraceFix.Server.Hubs;

namespace TraceFix.Server.Runs;

public static class RunEngineServiceExtensions
{
    /// <summary>The run engine (queue, concurrency limit, executor), the live step feed, manual play and the built-in agents.</summary>
    public static WebApplicationBuilder AddRunEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<RunEngineOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<RunQueue>();
        services.AddSingleton<ActiveRuns>();
        services.AddSingleton<RunExecutor>();
        services.AddSingleton<RunService>();
        services.AddSingleton<ForkSnapshots>();
        services.AddSingleton<IRunAgentFactory, RunAgentFactory>();
        services.AddSingleton<IEpisodeEnvironmentFactory, InProcessEnvironmentFactory>();
        services.AddSingleton<StepFeed>();
        services.AddSingleton<RunStepStream>();
        services.AddSingleton<RunEvents>();
        services.AddSingleton<Play.PlaySessions>();
        services.AddSingleton<Transfer.RunImporter>();
        services.AddSingleton<Sharing.ShareLinks>();
        services.AddSingleton<Transfer.RunExporter>();
        services.AddHostedService<RunEngine>();
        services.AddHostedService<LeaseHeartbeat>();
        services.AddHostedService<Play.PlaySessionReaper>();
        builder.AddBuiltInAgents();
        return builder;
    }
}
