using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TraceFix.Server.Store;

/// <summary>
/// Per-connection SQLite settings. WAL itself is persistent and set once at start; NORMAL sync is safe under WAL
/// (a crash loses at most the last commits, never corrupts) and makes a per-step commit cheap.
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
