using TraceFix.Core.Episodes;

namespace TraceFix.Server.Runs;

/// <summary>Makes a fresh environment for each episode the engine plays.</summary>
public interface IEpisodeEnvironmentFactory
{
    IEnvironmentSession Create(int maxSteps);
}
