using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>
/// The run queue in the database. An instance claims queued runs under a lease that its heartbeat renews; a run whose
/// lease ran out (its instance died) becomes interrupted. A cancel for a run held elsewhere is a flag its holder polls.
/// </summary>
public sealed partial class RunStore
{
    /// <summary>Moves up to <paramref name="max"/> queued runs, oldest first, to running under this instance's lease.</summary>
    public async Task<IReadOnlyList<Guid>> ClaimQueuedAsync(string instance, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        if (max <= 0)
        {
            return [];
        }
        await using var db = factory.CreateDbContext();
        var now = clock.GetUtcNow();
        if (db.Database.IsNpgsql())
        {
            return await QueueClaim.PostgresAsync(db, instance, max, now, now + lease, cancellationToken);
        }
        // Other providers: optimistic, one row at a time; a row another instance took first simply updates nothing.
        var candidates = await db.Runs.Where(r => r.Status == RunStatus.Queued).OrderBy(r => r.CreatedAt).Take(max)
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var claimed = new List<Guid>();
        foreach (var id in candidates)
        {
            var until = now + lease;
            if (await db.Runs.Where(r => r.Id == id && r.Status == RunStatus.Queued).ExecuteUpdateAsync(s => s
                    .SetProperty(r => r.Status, RunStatus.Running).SetProperty(r => r.StartedAt, now)
                    .SetProperty(r => r.ClaimedBy, instance).SetProperty(r => r.LeaseExpiresAt, until), cancellationToken) > 0)
            {
                claimed.Add(id);
            }
        }
        return claimed;
    }

    /// <summary>Extends the lease of every running run this instance holds (engine runs and manual play sessions).</summary>
    public async Task<int> RenewLeasesAsync(string instance, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var until = clock.GetUtcNow() + lease;
        return await db.Runs.Where(r => r.ClaimedBy == instance && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.LeaseExpiresAt, until), cancellationToken);
    }

    /// <summary>Of the runs this instance plays, those it must stop: cancelled through another instance, or no longer its own.</summary>
    public async Task<IReadOnlyList<Guid>> RunsToStopAsync(string instance, IReadOnlyCollection<Guid> playing, CancellationToken cancellationToken = default)
    {
        if (playing.Count == 0)
        {
            return [];
        }
        await using var db = factory.CreateDbContext();
        return await db.Runs.Where(r => playing.Contains(r.Id) && (r.CancelRequested || r.Status != RunStatus.Running || r.ClaimedBy != instance))
            .Select(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Asks whichever instance plays the run to cancel it; false when it is not running.</summary>
    public async Task<bool> RequestCancelAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Runs.Where(r => r.Id == runId && r.Status == RunStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), cancellationToken) > 0;
    }

    public async Task<int> CountQueuedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Runs.CountAsync(r => r.Status == RunStatus.Queued, cancellationToken);
    }

    /// <summary>
    /// Running runs whose holder is gone become interrupted: their lease ran out, they have none (left by a version without
    /// leases), or they are held under this instance's own name by a previous process. Their stored steps stay.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> InterruptAbandonedAsync(string? ownName, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var now = clock.GetUtcNow();
        var stale = await db.Runs.Where(r => r.Status == RunStatus.Running
                && (r.LeaseExpiresAt == null || r.LeaseExpiresAt < now || (ownName != null && r.ClaimedBy == ownName)))
            .Select(r => r.Id).ToListAsync(cancellationToken);
        var interrupted = new List<Guid>();
        foreach (var id in stale)
        {
            if (await FinishRunCoreAsync(id, RunStatus.Interrupted, "the server stopped before the run finished", RunStatus.Running, cancellationToken))
            {
                interrupted.Add(id);
            }
        }
        return interrupted;
    }
}
