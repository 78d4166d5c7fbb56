using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using TraceFix.Server.Store;

namespace TraceFix.Bench.Runs;

/// <summary>
/// A throwaway, migrated store for the store benchmarks: a SQLite file (WAL, as the server sets it) in a temporary folder,
/// or a fresh database on a PostgreSQL server (created from <c>--connection</c>, dropped afterwards).
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly Func<Task> _cleanUp;

    private BenchDatabase(string provider, string description, ServiceProvider services, IDbContextFactory<TraceFixDb> factory, Func<Task> cleanUp)
    {
        Provider = provider;
        Description = description;
        _services = services;
        Factory = factory;
        _cleanUp = cleanUp;
    }

    public string Provider { get; }

    public string Description { get; }

    public IDbContextFactory<TraceFixDb> Factory { get; }

    public static async Task<BenchDatabase> CreateAsync(string provider, string? connection)
    {
        BenchDatabase database;
        if (provider == "postgres")
        {
            var admin = new NpgsqlConnectionStringBuilder(connection ?? throw new ArgumentException("--provider postgres needs --connection"));
            var name = $"tracefix_bench_{Guid.NewGuid():N}";
            await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE {name}");
            var target = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = name }.ConnectionString;
            var services = new ServiceCollection().AddPooledDbContextFactory<PostgresTraceFixDb>(db => db.UseNpgsql(target)).BuildServiceProvider();
            database = new BenchDatabase("postgres", $"PostgreSQL database {name} on {admin.Host}", services,
                new TraceFixDbFactory<PostgresTraceFixDb>(services.GetRequiredService<IDbContextFactory<PostgresTraceFixDb>>()),
                async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                });
        }
        else
        {
            var folder = Directory.CreateTempSubdirectory("tracefix-store-bench-").FullName;
            var file = Path.Combine(folder, "bench.db");
            var services = new ServiceCollection()
                .AddPooledDbContextFactory<SqliteTraceFixDb>(db => db.UseSqlite($"Data Source={file}").AddInterceptors(new SqlitePragmas()))
                .BuildServiceProvider();
            database = new BenchDatabase("sqlite", $"SQLite file {file} (WAL, synchronous=NORMAL)", services,
                new TraceFixDbFactory<SqliteTraceFixDb>(services.GetRequiredService<IDbContextFactory<SqliteTraceFixDb>>()),
                () =>
                {
                    SqliteConnection.ClearAllPools();
                    Directory.Delete(folder, recursive: true);
                    return Task.CompletedTask;
                });
        }
        await using var db = database.Factory.CreateDbContext();
        await db.Database.MigrateAsync();
        if (database.Provider == "sqlite")
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _cleanUp();
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var open = new NpgsqlConnection(connection);
        await open.OpenAsync();
        await using var command = new NpgsqlCommand(sql, open);
        await command.ExecuteNonQueryAsync();
    }
}
