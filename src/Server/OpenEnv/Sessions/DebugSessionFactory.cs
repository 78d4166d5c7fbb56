using TraceFix.Core.Episodes;

namespace TraceFix.Server.OpenEnv.Sessions;

/// <summary>
/// Gives each session its own <see cref="DebugEnvironment"/> over the shared catalog and sandboxed runner. The engine's
/// factory is resolved on first use, so building the session services never loads tasks or starts the sandbox before
/// the start-up checks have run and reported.
/// </summary>
public sealed class DebugSessionFactory(IServiceProvider services) : IEnvironmentSessionFactory
{
    private readonly Lazy<DebugEnvironmentFactory> _environments = new(services.GetRequiredService<DebugEnvironmentFactory>);

    public IEnvironmentSession Create() => _environments.Value.Create();
}
