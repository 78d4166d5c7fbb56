using Microsoft.Extensions.Options;
using TraceFix.Core.Environment;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Runs;

/// <summary>A new in-process <see cref="DebugEnvironment"/> per episode, whose step limit is the run's budget.</summary>
public sealed class InProcessEnvironmentFactory(
    TaskCatalog catalog, ITestRunner runner, IOptions<EnvironmentOptions> options, TimeProvider clock) : IEpisodeEnvironmentFactory
{
    public IEnvironmentSession Create(int maxSteps)
    {
        var configured = options.Value;
        var perEpisode = new EnvironmentOptions
        {
            MaxSteps = maxSteps,
            CompatibilityScoring = configured.CompatibilityScoring,
            ContextRadius = configured.ContextRadius,
            ContextMaxChars = configured.ContextMaxChars,
        };
        return new DebugEnvironment(catalog, runner, perEpisode, clock);
    }
}
