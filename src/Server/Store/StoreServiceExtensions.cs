using Microsoft.EntityFrameworkCore;

namespace TraceFix.Server.Store;

public static class StoreServiceExtensions
{
    /// <summary>
    /// Registers the trajectory store for <c>TraceFix:Database:Provider</c> (sqlite by default, or postgres) with the
    /// <c>ConnectionStrings:TraceFix</c> connection string, and the start-up step that migrates and recovers crashed runs.
    /// </summary>
    public static WebApplicationBuilder AddTraceFixStore(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = builder.Configuration.GetConnectionString(DatabaseOptions.ConnectionStringName);
        var services = builder.Services;
        switch (options.Provider.Trim().ToLowerInvariant())
        {
            case "sqlite":
                var contentRoot = builder.Environment.ContentRootPath;
                var dataDirectory = Path.GetFullPath(options.DataDirectory, contentRoot);
                var sqlite = SqlitePaths.Resolve(connectionString, dataDirectory, contentRoot);
                services.AddPooledDbContextFactory<SqliteTraceFixDb>(db => db.UseSqlite(sqlite).AddInterceptors(new SqlitePragmas()));
                services.AddSingleton<IDbContextFactory<TraceFixDb>>(sp =>
                    new TraceFixDbFactory<SqliteTraceFixDb>(sp.GetRequiredService<IDbContextFactory<SqliteTraceFixDb>>()));
                services.AddSingleton(new StoreLocation("sqlite", SqlitePaths.DataFolder(sqlite) ?? dataDirectory));
                break;
            case "postgres" or "postgresql" or "npgsql":
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new InvalidOperationException(
                        "TraceFix:Database:Provider is 'postgres' but ConnectionStrings:TraceFix is empty; set it (e.g. ConnectionStrings__TraceFix).");
                }
                services.AddPooledDbContextFactory<PostgresTraceFixDb>(db => db.UseNpgsql(connectionString));
                services.AddSingleton<IDbContextFactory<TraceFixDb>>(sp =>
                    new TraceFixDbFactory<PostgresTraceFixDb>(sp.GetRequiredService<IDbContextFactory<PostgresTraceFixDb>>()));
                services.AddSingleton(new StoreLocation("postgres", Path.GetFullPath(options.DataDirectory, builder.Environment.ContentRootPath)));
                break;
            default:
                throw new InvalidOperationException(
                    $"TraceFix:Database:Provider '{options.Provider}' is not supported; use 'sqlite' or 'postgres'.");
        }
        services.AddSingleton<RunStore>();
        services.AddHostedService<StoreInitializer>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("database", tags: ["ready"]);
        return builder;
    }
}

/// <summary>The configured provider and the data folder (logs go next to it).</summary>
public sealed record StoreLocation(string Provider, string DataDirectory);
