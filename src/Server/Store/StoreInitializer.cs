using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

/// <summary>
/// Runs before the run engine starts: applies migrations, turns on WAL for SQLite, and marks runs that a crash or a stop
/// left queued or running as interrupted (their stored steps stay).
/// </summary>
public sealed class StoreInitializer(IDbContextFactory<TraceFixDb> factory, RunStore store, ILogger<StoreInitializer> logger) : IHostedService
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
        var recovered = await store.MarkInterruptedAsync(cancellationToken);
        if (recovered > 0)
        {
            logger.LogWarning("Marked {Count} run(s) left unfinished by the previous process as interrupted", recovered);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
