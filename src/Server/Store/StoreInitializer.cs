using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

/// <summary>
/// Runs before the run engine starts: applies migrations, turns on WAL for SQLite, and marks runs that a crash or a stop
/// left running as interrupted (their stored steps stay).
/// </summary>
public sealed class StoreInitializer(
    IDbContextFactory<TraceFixDb> factory, RunStore store, Hosting.InstanceIdentity instance, ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var db = factory.CreateDbContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (db.Database.IsSqlite())
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
        }
        bool sqlite;
        await using (var db = factory.CreateDbContext())
        {
            sqlite = db.Database.IsSqlite();
        }
        // SQLite serves one instance: whatever it left running was this server's. On a shared database only runs whose
        // lease ran out (or held under this instance's own name by its previous process) are abandoned; the others'
        // heartbeat keeps theirs. Queued runs stay queued and are played.
        var recovered = sqlite
            ? await store.MarkInterruptedAsync(cancellationToken)
            : (await store.InterruptAbandonedAsync(instance.Name, cancellationToken)).Count;
        if (recovered > 0)
        {
            logger.LogWarning("Marked {Count} run(s) left unfinished by the previous process as interrupted", recovered);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
