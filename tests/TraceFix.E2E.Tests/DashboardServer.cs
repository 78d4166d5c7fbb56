using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Server.Store;

namespace TraceFix.E2E.Tests;

/// <summary>The real server on real Kestrel (random port), with its own SQLite file, serving the WebAssembly dashboard.</summary>
public sealed class DashboardServer : WebApplicationFactory<Program>
{
    private readonly string _dataDirectory;
    private readonly bool _ownsData;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    /// <param name="port">0 for a free port; a fixed one to restart a server where browsers expect it.</param>
    /// <param name="dataDirectory">Shared by a restarted server; when null a temporary folder is created and removed on dispose.</param>
    /// <param name="settings">Extra configuration, e.g. the LLM agent's endpoint.</param>
    public DashboardServer(int port = 0, string? dataDirectory = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string?>();
        _ownsData = dataDirectory is null;
        _dataDirectory = dataDirectory ?? NewDataDirectory();
        Directory.CreateDirectory(_dataDirectory);
        UseKestrel(port);
        StartServer();
    }

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "tracefix-e2e-" + Guid.NewGuid().ToString("N")[..8]);

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public RunStore Store => Services.GetRequiredService<RunStore>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TraceFix", $"Data Source={Path.Combine(_dataDirectory, "tracefix.db")}");
        builder.UseSetting("TraceFix:Database:DataDirectory", _dataDirectory);
        builder.UseSetting("TraceFix:Logging:File", "false");
        builder.UseSetting("TraceFix:Runs:MaxStepsPerEpisode", "1000");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!_ownsData)
        {
            return;
        }
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the WAL file for a moment; a leftover temp folder is harmless.
        }
    }
}
