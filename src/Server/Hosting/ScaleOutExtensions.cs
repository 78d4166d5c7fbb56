using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;
using TraceFix.Server.Hubs;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Several instances on one database: with <c>ConnectionStrings:Redis</c> set, SignalR fans out through the Redis
/// backplane and stored steps are relayed to the other instances' live streams. Without it, one instance needs nothing.
/// </summary>
public static class ScaleOutExtensions
{
    public const string RedisConnectionName = "Redis";

    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<InstanceOptions>();
        builder.Services.AddSingleton<InstanceIdentity>();
        var connection = builder.Configuration.GetConnectionString(RedisConnectionName);
        if (string.IsNullOrWhiteSpace(connection))
        {
            return builder;
        }
        var options = ParseRedis(connection);
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        builder.Services.AddSignalR().AddStackExchangeRedis(redis =>
        {
            redis.Configuration = options.Clone();
            redis.Configuration.ChannelPrefix = RedisChannel.Literal("tracefix-hub");
        });
        builder.Services.AddSingleton<RedisStepRelay>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RedisStepRelay>());
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }

    /// <summary>Starts even when Redis is down (each instance then serves its own viewers) and reconnects by itself.</summary>
    private static ConfigurationOptions ParseRedis(string connection)
    {
        var options = ConfigurationOptions.Parse(connection);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 3000;
        options.BacklogPolicy = BacklogPolicy.FailFast;
        return options;
    }
}

/// <summary>Ready only while Redis answers; the text never holds the connection string.</summary>
public sealed class RedisHealthCheck(IConnectionMultiplexer redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy("redis answers");
        }
        catch (RedisException)
        {
            return HealthCheckResult.Unhealthy("redis cannot be reached: live steps of runs on other instances arrive late (read from the store)");
        }
    }
}
