using Microsoft.Data.Sqlite;

namespace TraceFix.Server.Tests.Fuzz;

internal static class FuzzApp
{
    public const int Cases = 1000;

    /// <summary>A server without start limits (the fuzzers start many runs) and with one run at a time.</summary>
    public static TraceFixApp Create() => new(new Dictionary<string, string?>
    {
        ["TraceFix:Security:RunStartsPerWindow"] = "0",
        ["TraceFix:Runs:MaxConcurrentRuns"] = "1",
        ["TraceFix:Runs:QueueCapacity"] = "4096",
    });

    public static (long Runs, long Episodes, long Steps) Rows(TraceFixApp app)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        return (Count(connection, "runs"), Count(connection, "episodes"), Count(connection, "steps"));
    }

    /// <summary>Fails the test with the last logged exception of the server (stops the server to flush its log).</summary>
    public static async Task FailWithServerErrorAsync(TraceFixApp app, string what)
    {
        await app.DisposeAsyncKeepingFiles();
        var logged = Directory.EnumerateFiles(app.LogDirectory)
            .SelectMany(File.ReadAllLines)
            .LastOrDefault(l => l.Contains("\"@x\"", StringComparison.Ordinal)) ?? "(no exception logged)";
        Assert.Fail($"{what}\nserver: {logged[..Math.Min(logged.Length, 2500)]}");
    }

    private static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
