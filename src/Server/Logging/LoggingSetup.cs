using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;
using TraceFix.Server.Hosting;
using TraceFix.Server.Store;

namespace TraceFix.Server.Logging;

public static class LoggingSetup
{
    /// <summary>
    /// Serilog: console, plus a daily rolling JSON file under <c>logs/</c> next to the data folder (or
    /// <c>TraceFix:Logging:Directory</c>; <c>TraceFix:Logging:File=false</c> turns the file off; see <see cref="LoggingOptions"/>). Levels come from the
    /// <c>Serilog</c> section. Scopes (RunId, EpisodeId) become properties.
    /// </summary>
    public static WebApplicationBuilder AddTraceFixLogging(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var contentRoot = builder.Environment.ContentRootPath;
        // Needed before the container exists, so read through the same validated path as every other section.
        var settings = configuration.ReadSettings<LoggingOptions>();
        var dataDirectory = Path.GetFullPath(configuration.ReadSettings<DatabaseOptions>().DataDirectory, contentRoot);
        var directory = settings.Directory is { Length: > 0 } configured
            ? Path.GetFullPath(configured, contentRoot)
            : Path.Combine(Path.GetDirectoryName(dataDirectory) ?? contentRoot, "logs");
        var toFile = settings.File;

        var logger = new LoggerConfiguration()
            .ReadFrom.Configuration(configuration)
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}");
        if (toFile)
        {
            logger.WriteTo.File(new CompactJsonFormatter(), Path.Combine(directory, "tracefix-.json"),
                rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, fileSizeLimitBytes: 50 * 1024 * 1024,
                rollOnFileSizeLimit: true, shared: true);
        }
        // This host's own logger, never the static Log.Logger: two hosts in one process (tests) must not share a sink.
        builder.Services.AddSerilog(logger.CreateLogger(), dispose: true);
        return builder;
    }

    public static WebApplication UseTraceFixRequestLogging(this WebApplication app)
    {
        // Path only: query strings are not logged.
        var logger = app.Services.GetRequiredService<Serilog.ILogger>();
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = logger;
            options.GetLevel = (context, _, error) =>
                error is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
                : context.Request.Path.StartsWithSegments("/_framework") || context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose
                : OpenEnv.EnvironmentPaths.IsPerStep(context.Request.Path) ? LogEventLevel.Debug
                : LogEventLevel.Information;
        });
        return app;
    }
}
