using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TraceFix.Server.Store;

/// <summary>
/// The hot path of the store: one INSERT per step without the change tracker. Table, columns and parameter
/// conversions all come from the EF model and the provider's type mappings, so the row is exactly what EF would write
/// (GUID text on SQLite, uuid on PostgreSQL, timestamps as ticks).
/// </summary>
internal sealed class StepInsert
{
    private readonly string _sql;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Name)[] _columns;

    private StepInsert(TraceFixDb db)
    {
        var entity = db.Model.FindEntityType(typeof(StepRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _columns = [.. entity.GetProperties()
            .Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
            .Select((p, i) => (p, p.GetRelationalTypeMapping(), $"p{i}"))];
        var columns = string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Property.GetColumnName(table)!)));
        var values = string.Join(", ", _columns.Select(c => sql.GenerateParameterName(c.Name)));
        _sql = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) VALUES ({values})";
    }

    // Per provider context type: one process may hold a SQLite and a PostgreSQL store (tests), and their mappings differ.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, StepInsert> Cached = new();

    public static StepInsert For(TraceFixDb db) => Cached.GetOrAdd(db.GetType(), _ => new StepInsert(db));

    public async Task ExecuteAsync(TraceFixDb db, StepRecord step, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = _sql;
            foreach (var (property, mapping, name) in _columns)
            {
                command.Parameters.Add(mapping.CreateParameter(command, name, property.GetGetter().GetClrValue(step), property.IsNullable));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
