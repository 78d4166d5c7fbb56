using TraceFix.Core.Environment;

namespace TraceFix.Server.Environment.Sessions;

/// <summary>Creates environments with the <c>Func&lt;IEnvironmentSession&gt;</c> the core services register.</summary>
public sealed class ServiceProviderSessionFactory(IServiceProvider services) : IEnvironmentSessionFactory
{
    public IEnvironmentSession Create()
    {
        var create = services.GetService<Func<IEnvironmentSession>>()
            ?? throw new InvalidOperationException("No environment is registered (expected a Func<IEnvironmentSession> service).");
        return create();
    }
}
