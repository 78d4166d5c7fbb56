using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Hosting;

public static class CoreServiceExtensions
{
    /// <summary>
    /// Registers the task catalog, the sandboxed test runner and the environment factory, and checks both the catalog and
    /// the sandbox before the server starts listening.
    /// </summary>
    public static WebApplicationBuilder AddTraceFixCore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<EnvironmentOptions>();
        services.AddSettings<SandboxOptions>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => TaskCatalogLoader.Load(
            sp.GetRequiredService<IConfiguration>(),
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath,
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("TraceFix.Tasks")));
        services.AddSingleton(SandboxRegistration.Create);
        services.AddSingleton<ITestRunner>(sp => sp.GetRequiredService<SandboxTestRunner>());
        services.AddSingleton(sp => new DebugEnvironmentFactory(
            sp.GetRequiredService<TaskCatalog>(),
            sp.GetRequiredService<ITestRunner>(),
            sp.GetRequiredService<IOptions<EnvironmentOptions>>().Value,
            sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<CoreStartup>();
        return builder;
    }
}
