using Microsoft.Extensions.Options;
using TraceFix.Core.Environment;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Environment.Sessions;

/// <summary>
/// Gives each session its own <see cref="DebugEnvironment"/> over the shared catalog and test runner, or uses a
/// <c>Func&lt;IEnvironmentSession&gt;</c> when the host registers one.
/// </summary>
public sealed class ServiceProviderSessionFactory(IServiceProvider services) : IEnvironmentSessionFactory
{
    public IEnvironmentSession Create()
    {
        if (services.GetService<Func<IEnvironmentSession>>() is { } create)
        {
            return create();
        }
        var runner = services.GetService<ITestRunner>()
            ?? throw new InvalidOperationException("No test runner is registered, so no environment can be created.");
        return new DebugEnvironment(
            services.GetRequiredService<TaskCatalog>(),
            runner,
            services.GetRequiredService<IOptions<EnvironmentOptions>>().Value,
            services.GetService<TimeProvider>());
    }
}
