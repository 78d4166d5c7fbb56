using TraceFix.Core.Environment;

namespace TraceFix.Server.Runs;

/// <summary>Makes a fresh environment for each episode the engine plays.</summary>
public interface IEpisodeEnvironmentFactory
{
    IEnvironmentSession Create(int maxSteps);
}
