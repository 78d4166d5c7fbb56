using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TraceFix.Server.Store;

/// <summary>
/// Per-connection SQLite setting: NORMAL sync is safe under WAL (a crash loses at most the last commits, never corrupts)
/// and makes a per-step commit cheap. WAL itself is persistent and set once at start; EF turns foreign keys on by itself.
/// Run once per connection object: on the step hot path a statement per open is measurable. A pooled native handle that
/// reaches an already-marked object without the pragma simply keeps SQLite's safer default (FULL).
/// </summary>
public sealed class SqlitePragmas : DbConnectionInterceptor
{
    private const string Pragmas = "PRAGMA synchronous=NORMAL;";
    private readonly ConditionalWeakTable<DbConnection, object> _done = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (_done.TryAdd(connection, this))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (_done.TryAdd(connection, this))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
