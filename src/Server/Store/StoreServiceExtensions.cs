using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TraceFix.Server.Hosting;

namespace TraceFix.Server.Store;

public static class StoreServiceExtensions
{
    /// <summary>
    /// Registers the trajectory store for <c>TraceFix:Database:Provider</c> (sqlite by default, or postgres) with the
    /// <c>ConnectionStrings:TraceFix</c> connection string, and the start-up step that migrates and recovers crashed runs.
    /// The provider is chosen from the validated settings when the store is first used, so a bad value stops start-up
    /// like any other setting.
    /// </summary>
    public static WebApplicationBuilder AddTraceFixStore(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSettings<DatabaseOptions>()
            .Validate<IConfiguration>((options, configuration) => !options.IsPostgres || HasConnectionString(configuration),
                $"{DatabaseOptions.Section}:Provider is 'postgres' but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is empty; " +
                $"set it (e.g. ConnectionStrings__{DatabaseOptions.ConnectionStringName})");
        var contentRoot = builder.Environment.ContentRootPath;
        services.AddPooledDbContextFactory<SqliteTraceFixDb>((sp, db) =>
            db.UseSqlite(SqliteConnection(sp, contentRoot)).AddInterceptors(new SqlitePragmas()));
        services.AddPooledDbContextFactory<PostgresTraceFixDb>((sp, db) =>
            db.UseNpgsql(sp.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName)));
        services.AddSingleton<IDbContextFactory<TraceFixDb>>(sp => Options(sp).IsPostgres
            ? new TraceFixDbFactory<PostgresTraceFixDb>(sp.GetRequiredService<IDbContextFactory<PostgresTraceFixDb>>())
            : new TraceFixDbFactory<SqliteTraceFixDb>(sp.GetRequiredService<IDbContextFactory<SqliteTraceFixDb>>()));
        services.AddSingleton(sp => Location(sp, contentRoot));
        services.AddSingleton<RunStore>();
        // Share-link tokens are signed with a key ring kept in the store, so they survive restarts and work on every instance.
        services.AddDataProtection().SetApplicationName("TraceFix");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp => new ConfigureOptions<KeyManagementOptions>(
            options => options.XmlRepository = new StoreXmlRepository(sp.GetRequiredService<IDbContextFactory<TraceFixDb>>())));
        services.AddHostedService<StoreInitializer>();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("database", tags: ["ready"]);
        return builder;
    }

    private static DatabaseOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;

    private static bool HasConnectionString(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName));

    private static string SqliteConnection(IServiceProvider services, string contentRoot) => SqlitePaths.Resolve(
        services.GetRequiredService<IConfiguration>().GetConnectionString(DatabaseOptions.ConnectionStringName),
        Path.GetFullPath(Options(services).DataDirectory, contentRoot), contentRoot);

    private static StoreLocation Location(IServiceProvider services, string contentRoot)
    {
        var dataDirectory = Path.GetFullPath(Options(services).DataDirectory, contentRoot);
        return Options(services).IsPostgres
            ? new StoreLocation("postgres", dataDirectory)
            : new StoreLocation("sqlite", SqlitePaths.DataFolder(SqliteConnection(services, contentRoot)) ?? dataDirectory);
    }
}

/// <summary>The configured provider and the data folder (logs go next to it).</summary>
public sealed record StoreLocation(string Provider, string DataDirectory);
