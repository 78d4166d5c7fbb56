using System.Collections.Concurrent;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Episodes;

/// <summary>
/// Syntax verdicts by exact source text. Steps that do not change the code never ask the runner, and undo or reset
/// back to a known version is free; sessions made by one factory share the cache.
/// </summary>
internal sealed class SyntaxCache(ITestRunner runner, int capacity = 512)
{
    private readonly ConcurrentDictionary<string, SyntaxCheck?> _known = new(StringComparer.Ordinal);

    public async ValueTask<SyntaxCheck?> CheckAsync(string source, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(source, out var known))
        {
            return known;
        }
        var verdict = await runner.CheckSyntaxAsync(source, cancellationToken);
        if (verdict is { Line: < 1 })
        {
            // No position means the check itself may not have finished (a sandbox hiccup): use it, but ask again next time.
            return verdict;
        }
        if (_known.Count >= capacity)
        {
            _known.Clear();
        }
        _known[source] = verdict;
        return verdict;
    }
}
