using TraceFix.Core.Tasks;

namespace TraceFix.Core.Tests.Episodes;

/// <summary>The repository's real tasks/ pack, loaded once per test run.</summary>
internal static class BuiltInTasks
{
    private static readonly Lazy<TaskCatalog> Loaded = new(() =>
    {
        var directory = TaskCatalog.FindBuiltInDirectory()
            ?? throw new InvalidOperationException("tasks/ not found above the test assembly");
        var catalog = TaskCatalog.Load([directory]);
        return catalog.LoadErrors.Count == 0
            ? catalog
            : throw new InvalidOperationException(string.Join("\n", catalog.LoadErrors));
    });

    public static TaskCatalog Catalog => Loaded.Value;
}
