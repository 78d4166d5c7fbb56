using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

public sealed partial class RunStore
{
    /// <summary>
    /// Steps of a run after <paramref name="afterSequence"/> that match <paramref name="search"/>, in order, at most
    /// <paramref name="limit"/>. The filters run in the database; only test flips need the verdict columns of the run's
    /// test-running steps, which are streamed, never the whole run.
    /// </summary>
    public async Task<IReadOnlyList<StepDto>> SearchStepsAsync(Guid runId, StepSearch search, long afterSequence, int limit,
        CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = Filter(db.Steps.AsNoTracking().Where(s => s.RunId == runId && s.Sequence > afterSequence), search);
        if (search.Flips is null)
        {
            var found = await query.OrderBy(s => s.Sequence).Take(limit).ToListAsync(cancellationToken);
            return [.. found.Select(s => s.AsDto())];
        }
        var flips = await FlipSequencesAsync(db, runId, search.Flips, cancellationToken);
        var chosen = new List<long>();
        await foreach (var sequence in query.OrderBy(s => s.Sequence).Select(s => s.Sequence).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (chosen.Count == limit)
            {
                break;
            }
            if (flips.Contains(sequence))
            {
                chosen.Add(sequence);
            }
        }
        var steps = await db.Steps.AsNoTracking().Where(s => s.RunId == runId && chosen.Contains(s.Sequence))
            .OrderBy(s => s.Sequence).ToListAsync(cancellationToken);
        return [.. steps.Select(s => s.AsDto())];
    }

    private static IQueryable<StepRecord> Filter(IQueryable<StepRecord> query, StepSearch search)
    {
        if (search.Actions is { Count: > 0 } actions)
        {
            var names = actions.Select(a => a.ToString()).ToList();
            query = query.Where(s => names.Contains(s.ActionType));
        }
        query = search.Reward switch
        {
            "positive" => query.Where(s => s.Reward > 0),
            "negative" => query.Where(s => s.Reward < 0),
            "zero" => query.Where(s => s.Reward == 0),
            _ => query,
        };
        if (search.ErrorsOnly)
        {
            query = query.Where(s => s.Error != null || s.SyntaxError);
        }
        if (!string.IsNullOrWhiteSpace(search.Text))
        {
            var needle = search.Text.Trim().ToLower();
            query = query.Where(s => s.Thought.ToLower().Contains(needle) || s.Output.ToLower().Contains(needle)
                || (s.Error != null && s.Error.ToLower().Contains(needle)) || (s.CodeBlock != null && s.CodeBlock.ToLower().Contains(needle)));
        }
        return query;
    }

    /// <summary>Sequences of the steps whose test run changed a test's verdict since the episode's previous test run.</summary>
    private static async Task<HashSet<long>> FlipSequencesAsync(TraceFixDb db, Guid runId, string kind, CancellationToken cancellationToken)
    {
        var flips = new HashSet<long>();
        var previous = new Dictionary<long, Dictionary<string, bool>>();
        var rows = db.Steps.AsNoTracking().Where(s => s.RunId == runId && s.TestTotal > 0).OrderBy(s => s.Sequence)
            .Select(s => new { s.Sequence, s.EpisodeId, s.TestResultsJson }).AsAsyncEnumerable();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            var now = StoreMapping.ReadTests(row.TestResultsJson).GroupBy(t => t.TestName).ToDictionary(g => g.Key, g => g.Last().Passed);
            if (previous.TryGetValue(row.EpisodeId, out var before))
            {
                var up = now.Any(t => t.Value && before.TryGetValue(t.Key, out var was) && !was);
                var down = now.Any(t => !t.Value && before.TryGetValue(t.Key, out var was) && was);
                if (kind switch { StepSearch.FailToPass => up, StepSearch.PassToFail => down, _ => up || down })
                {
                    flips.Add(row.Sequence);
                }
            }
            previous[row.EpisodeId] = now;
        }
        return flips;
    }
}
