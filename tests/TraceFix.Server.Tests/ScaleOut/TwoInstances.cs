using Npgsql;
using TraceFix.Server.Tests.Runs;

namespace TraceFix.Server.Tests.ScaleOut;

/// <summary>
/// Two real server processes, instances "a" and "b", on one fresh PostgreSQL database and the throwaway Redis that
/// <c>./test.sh</c> starts (<c>TRACEFIX_TEST_REDIS</c>). Short leases so that a dead instance is noticed within seconds.
/// </summary>
internal sealed class TwoInstances : IAsyncDisposable
{
    public const string RedisVariable = "TRACEFIX_TEST_REDIS";

    private TwoInstances(TestDatabase database, ServerChild a, ServerChild b)
    {
        Database = database;
        A = a;
        B = b;
    }

    public TestDatabase Database { get; }

    public ServerChild A { get; }

    public ServerChild B { get; }

    /// <param name="a">Extra settings of instance a.</param>
    /// <param name="b">Extra settings of instance b; by default b polls the queue only once a minute, so runs queued
    /// through a are played by a unless a dies (a lost lease wakes b at once).</param>
    public static async Task<TwoInstances> StartAsync(IReadOnlyDictionary<string, string>? a = null, IReadOnlyDictionary<string, string>? b = null)
    {
        var redis = Environment.GetEnvironmentVariable(RedisVariable) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{RedisVariable} is not set: run the tests through ./test.sh (scripts/test-services.sh).");
        var database = await TestDatabase.CreateAsync(TestDatabase.Postgres);
        Dictionary<string, string> Settings(string name, IReadOnlyDictionary<string, string>? extra)
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings__Redis"] = redis,
                ["TraceFix__Instance__Name"] = name,
                ["TraceFix__Runs__LeaseSeconds"] = "3",
            };
            foreach (var (key, setting) in extra ?? new Dictionary<string, string>())
            {
                settings[key] = setting;
            }
            return settings;
        }
        var first = await ServerChild.StartAsync(database, Settings("a", a));
        var second = await ServerChild.StartAsync(database, Settings("b", b ?? new Dictionary<string, string> { ["TraceFix__Runs__PollMilliseconds"] = "60000" }));
        return new TwoInstances(database, first, second);
    }

    /// <summary>The instance that claimed the run, read from the database.</summary>
    public async Task<string?> ClaimedByAsync(Guid runId)
    {
        await using var connection = new NpgsqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT \"ClaimedBy\" FROM runs WHERE \"Id\" = @id", connection);
        command.Parameters.AddWithValue("id", runId);
        return await command.ExecuteScalarAsync() as string;
    }

    public async ValueTask DisposeAsync()
    {
        await A.DisposeAsync();
        await B.DisposeAsync();
        await Database.DisposeAsync();
    }
}
