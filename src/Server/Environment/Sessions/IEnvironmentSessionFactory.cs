using TraceFix.Core.Environment;

namespace TraceFix.Server.Environment.Sessions;

/// <summary>Builds a fresh, independent environment for each new session.</summary>
public interface IEnvironmentSessionFactory
{
    IEnvironmentSession Create();
}
