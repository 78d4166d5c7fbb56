using Microsoft.Extensions.DependencyInjection.Extensions;
using TraceFix.Server.Hubs;

namespace TraceFix.Server.Runs;

public static class RunEngineServiceExtensions
{
    /// <summary>The run engine (queue, concurrency limit, executor), the live step feed, manual play and the built-in agents.</summary>
    public static WebApplicationBuilder AddRunEngine(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RunEngineOptions>().BindConfiguration(RunEngineOptions.Section).ValidateDataAnnotations().ValidateOnStart();
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
        services.AddHostedService<RunEngine>();
        services.AddHostedService<LeaseHeartbeat>();
        services.AddBuiltInAgents(builder.Configuration);
        return builder;
    }
}
