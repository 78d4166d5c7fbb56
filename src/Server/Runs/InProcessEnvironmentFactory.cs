using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Runs;

/// <summary>
/// A new in-process <see cref="DebugEnvironment"/> per episode whose step limit is the run's budget, so that the
/// environment itself ends and scores an episode that runs out of steps.
/// </summary>
public sealed class InProcessEnvironmentFactory(
    TaskCatalog catalog, ITestRunner runner, IOptions<EnvironmentOptions> options, TimeProvider clock) : IEpisodeEnvironmentFactory
{
    private readonly ConcurrentDictionary<int, DebugEnvironmentFactory> _byBudget = new();

    public IEnvironmentSession Create(int maxSteps) => _byBudget.GetOrAdd(maxSteps, budget =>
    {
        var configured = options.Value;
        var perBudget = new EnvironmentOptions
        {
            MaxSteps = budget,
            CompatibilityScoring = configured.CompatibilityScoring,
            ContextRadius = configured.ContextRadius,
            ContextMaxChars = configured.ContextMaxChars,
        };
        return new DebugEnvironmentFactory(catalog, runner, perBudget, clock);
    }).Create();
}
