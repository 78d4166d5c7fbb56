using TraceFix.Core.Environment;

namespace TraceFix.Server.Environment.Sessions;

/// <summary>Gives each session its own <see cref="DebugEnvironment"/> over the shared catalog and sandboxed runner.</summary>
public sealed class DebugSessionFactory(DebugEnvironmentFactory environments) : IEnvironmentSessionFactory
{
    public IEnvironmentSession Create() => environments.Create();
}
