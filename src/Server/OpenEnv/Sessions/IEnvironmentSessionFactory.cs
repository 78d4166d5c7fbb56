using TraceFix.Core.Episodes;

namespace TraceFix.Server.OpenEnv.Sessions;

/// <summary>Builds a fresh, independent environment for each new session.</summary>
public interface IEnvironmentSessionFactory
{
    IEnvironmentSession Create();
}
