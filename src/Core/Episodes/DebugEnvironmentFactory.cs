using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Episodes;

/// <summary>Makes sessions over one catalog and one runner; the sessions share a syntax-verdict cache.</summary>
public sealed class DebugEnvironmentFactory(TaskCatalog catalog, ITestRunner runner, EnvironmentOptions options, TimeProvider? clock = null)
{
    private readonly SyntaxCache _syntax = new(runner);

    public TaskCatalog Catalog => catalog;

    public EnvironmentOptions Options => options;

    public DebugEnvironment Create() => new(catalog, runner, options, clock, _syntax);
}
