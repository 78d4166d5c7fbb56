using Npgsql;

namespace TraceFix.Server.Tests;

/// <summary>
/// A fresh, empty database of one provider for one test: a SQLite file in a temporary folder, or a new database on the
/// throwaway PostgreSQL server that <c>./test.sh</c> starts (<c>TRACEFIX_TEST_POSTGRES</c>, see scripts/test-services.sh).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";
    public const string PostgresVariable = "TRACEFIX_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(string provider, string connectionString, string folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        Folder = folder;
        _postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>A temporary folder of this test (the SQLite file, logs).</summary>
    public string Folder { get; }

    /// <summary>Configuration keys as a test host takes them.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["TraceFix:Database:Provider"] = Provider,
        ["ConnectionStrings:TraceFix"] = ConnectionString,
    };

    /// <summary>The same as environment variables, for a server child process.</summary>
    public Dictionary<string, string> Environment => new()
    {
        ["TraceFix__Database__Provider"] = Provider,
        ["ConnectionStrings__TraceFix"] = ConnectionString,
    };

    public static async Task<TestDatabase> CreateAsync(string provider)
    {
        var folder = Directory.CreateTempSubdirectory("tracefix-db-").FullName;
        if (provider == Sqlite)
        {
            return new TestDatabase(provider, $"Data Source={Path.Combine(folder, "tracefix.db")}", folder, null);
        }
        var server = ServerConnectionString();
        var name = "tracefix_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name };
        return new TestDatabase(provider, builder.ConnectionString, folder, name);
    }

    /// <summary>The throwaway server's connection string (no database), or a clear failure when it is not running.</summary>
    public static string ServerConnectionString() =>
        System.Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{PostgresVariable} is not set: run the tests through ./test.sh, or start the throwaway servers first with " +
                "eval \"$(scripts/test-services.sh start DIR)\" (stop them with scripts/test-services.sh stop DIR).");

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(ServerConnectionString());
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the temp folder is cleaned by the OS.
        }
    }
}

/// <summary>Both store providers: a test that takes it runs once on SQLite and once on PostgreSQL.</summary>
public sealed class Providers : TheoryData<string>
{
    public Providers()
    {
        Add(TestDatabase.Sqlite);
        Add(TestDatabase.Postgres);
    }
}
