using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Store;

/// <summary>
/// PostgreSQL's claim: one statement that locks the oldest queued rows, skipping rows another instance is claiming at the
/// same moment, and moves them to running under this instance's lease.
/// </summary>
internal static class QueueClaim
{
    private const string Sql = """
        UPDATE runs SET "Status" = @running, "StartedAt" = @now, "ClaimedBy" = @instance, "LeaseExpiresAt" = @until
        WHERE "Id" IN (SELECT "Id" FROM runs WHERE "Status" = @queued ORDER BY "CreatedAt" LIMIT @max FOR UPDATE SKIP LOCKED)
        RETURNING "Id"
        """;

    public static async Task<IReadOnlyList<Guid>> PostgresAsync(TraceFixDb db, string instance, int max, DateTimeOffset now,
        DateTimeOffset until, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = Sql;
            Add(command, "running", RunStatus.Running.ToString());
            Add(command, "queued", RunStatus.Queued.ToString());
            Add(command, "now", now.UtcTicks);
            Add(command, "until", until.UtcTicks);
            Add(command, "instance", instance);
            Add(command, "max", max);
            var claimed = new List<Guid>();
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(reader.GetGuid(0));
            }
            return claimed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
