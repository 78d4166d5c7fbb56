using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Cli.Running;

/// <summary>The in-process environment: task packs loaded from disk and a started sandbox shared by all sessions.</summary>
public sealed class LocalEnvironment : IAsyncDisposable
{
    private readonly SandboxTestRunner _runner;
    private readonly int _maxSteps;

    private LocalEnvironment(TaskCatalog catalog, SandboxTestRunner runner, int maxSteps)
    {
        Catalog = catalog;
        _runner = runner;
        _maxSteps = maxSteps;
    }

    public TaskCatalog Catalog { get; }

    public ITestRunner Runner => _runner;

    /// <exception cref="SandboxUnavailableException">The sandbox cannot run on this machine.</exception>
    public static async Task<LocalEnvironment> StartAsync(TaskCatalog catalog, int maxSteps, int jobs, CancellationToken cancellationToken)
    {
        var runner = new SandboxTestRunner(new SandboxOptions { PoolSize = Math.Max(1, Math.Min(jobs, Environment.ProcessorCount)) });
        try
        {
            await runner.StartAsync(cancellationToken);
        }
        catch
        {
            await runner.DisposeAsync();
            throw;
        }
        return new LocalEnvironment(catalog, runner, maxSteps);
    }

    public IEnvironmentSession NewSession() => new DebugEnvironment(Catalog, _runner, new EnvironmentOptions { MaxSteps = _maxSteps });

    /// <summary>The built-in pack next to the program or above the working directory (or TRACEFIX_TASKS_DIR).</summary>
    public static string? BuiltInPack() =>
        TaskCatalog.FindBuiltInDirectory() ?? TaskCatalog.FindBuiltInDirectory(Directory.GetCurrentDirectory());

    public ValueTask DisposeAsync() => _runner.DisposeAsync();
}
