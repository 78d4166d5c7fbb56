using System.Diagnostics;
using Npgsql;

namespace TraceFix.Bench.ScaleOut;

/// <summary>
/// PostgreSQL and Redis for the scale-out benchmark: the ones named by TRACEFIX_TEST_POSTGRES / TRACEFIX_TEST_REDIS, or
/// throwaway ones started with scripts/test-services.sh and stopped at the end. Each phase gets a fresh database.
/// </summary>
internal sealed class BenchServices : IAsyncDisposable
{
    private readonly string? _folder;
    private readonly string _root;

    private BenchServices(string root, string postgres, string redis, string? folder)
    {
        _root = root;
        Postgres = postgres;
        Redis = redis;
        _folder = folder;
    }

    public string Postgres { get; }

    public string Redis { get; }

    public static async Task<BenchServices> StartAsync(string root)
    {
        if (Environment.GetEnvironmentVariable("TRACEFIX_TEST_POSTGRES") is { Length: > 0 } pg
            && Environment.GetEnvironmentVariable("TRACEFIX_TEST_REDIS") is { Length: > 0 } redis)
        {
            return new BenchServices(root, pg, redis, null);
        }
        var folder = Directory.CreateTempSubdirectory("tracefix-bench-services-").FullName;
        var output = await ScriptAsync(root, "start", folder);
        string Value(string name) => output.Split('\n').Single(l => l.Contains(name)).Split('\'')[1];
        return new BenchServices(root, Value("TRACEFIX_TEST_POSTGRES"), Value("TRACEFIX_TEST_REDIS"), folder);
    }

    /// <summary>A new empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ConnectionString;
    }

    public static async Task<Dictionary<Guid, string>> ClaimsAsync(string database)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"Id\", \"ClaimedBy\" FROM runs", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var claims = new Dictionary<Guid, string>();
        while (await reader.ReadAsync())
        {
            claims[reader.GetGuid(0)] = reader.IsDBNull(1) ? "" : reader.GetString(1);
        }
        return claims;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            await ScriptAsync(_root, "stop", _folder);
        }
    }

    private static async Task<string> ScriptAsync(string root, string command, string folder)
    {
        var start = new ProcessStartInfo(Path.Combine(root, "scripts", "test-services.sh")) { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(command);
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"scripts/test-services.sh {command} failed ({process.ExitCode})");
    }
}
