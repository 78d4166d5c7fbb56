using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace TraceFix.Server.Store;

/// <summary>
/// The hot path of the store: steps written as one multi-row INSERT without the change tracker (one statement, so one
/// implicit transaction: all of them are stored or none). Table, columns and parameter conversions all come from the EF
/// model and the provider's type mappings, so each row is exactly what EF would write (GUID text on SQLite, uuid on
/// PostgreSQL, timestamps as ticks). The statement text is cached per row count.
/// </summary>
internal sealed class StepInsert
{
    private readonly string _prefix;
    private readonly (IProperty Property, RelationalTypeMapping Mapping, string Name)[] _columns;
    private readonly ISqlGenerationHelper _sql;
    private readonly ConcurrentDictionary<int, string> _statements = new();

    private StepInsert(TraceFixDb db)
    {
        var entity = db.Model.FindEntityType(typeof(StepRecord))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _sql = db.GetService<ISqlGenerationHelper>();
        _columns = [.. entity.GetProperties()
            .Where(p => p.ValueGenerated == Microsoft.EntityFrameworkCore.Metadata.ValueGenerated.Never)
            .Select((p, i) => (p, p.GetRelationalTypeMapping(), $"p{i}"))];
        _prefix = $"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", _columns.Select(c => _sql.DelimitIdentifier(c.Property.GetColumnName(table)!)))}) VALUES ";
    }

    // One per model, so that a process using both providers (tests) never sends one provider's parameters to the other.
    private static readonly ConditionalWeakTable<IModel, StepInsert> ByModel = [];

    public static StepInsert For(TraceFixDb db) => ByModel.GetValue(db.Model, _ => new StepInsert(db));

    public async Task ExecuteAsync(TraceFixDb db, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using DbCommand command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = _statements.GetOrAdd(steps.Count, Statement);
            for (var row = 0; row < steps.Count; row++)
            {
                foreach (var (property, mapping, name) in _columns)
                {
                    command.Parameters.Add(mapping.CreateParameter(command, $"{name}_{row}", property.GetGetter().GetClrValue(steps[row]), property.IsNullable));
                }
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private string Statement(int rows) => _prefix + string.Join(", ", Enumerable.Range(0, rows).Select(row =>
        "(" + string.Join(", ", _columns.Select(c => _sql.GenerateParameterName($"{c.Name}_{row}"))) + ")"));
}
