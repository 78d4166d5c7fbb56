using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Tests;

/// <summary>
/// The real server in memory with its own SQLite file and log folder in a fresh temporary directory.
/// <c>await using var app = new TraceFixApp();</c> per test; extra settings and service replacements are optional.
/// With a <see cref="TestDatabase"/> it uses that database (SQLite or PostgreSQL) instead; see <see cref="ForAsync"/>.
/// </summary>
public sealed class TraceFixApp(
    IReadOnlyDictionary<string, string?>? settings = null,
    Action<IServiceCollection>? services = null,
    TestDatabase? database = null) : WebApplicationFactory<Program>
{
    private TestDatabase? _owned;

    /// <summary>A server on a fresh database of <paramref name="provider"/>, dropped when the server is disposed.</summary>
    public static async Task<TraceFixApp> ForAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var database = await TestDatabase.CreateAsync(provider);
        return new TraceFixApp(settings, services, database) { _owned = database };
    }

    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("tracefix-test-").FullName;

    public string DatabasePath => Path.Combine(Directory, "tracefix.db");

    public string LogDirectory => Path.Combine(Directory, "logs");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ConnectionStrings:TraceFix", $"Data Source={DatabasePath}");
        foreach (var (key, value) in database?.Settings ?? [])
        {
            builder.UseSetting(key, value);
        }
        builder.UseSetting("TraceFix:Logging:Directory", LogDirectory);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(s =>
        {
            s.RemoveAll<ITestRunner>();
            s.AddSingleton<ITestRunner>(SharedSandbox.Runner);
            services?.Invoke(s);
        });
    }

    /// <summary>A SignalR client on <c>/hubs/runs</c> over WebSockets through the in-memory server (not yet started).</summary>
    public HubConnection CreateHubConnection()
    {
        var server = Server;
        return new HubConnectionBuilder()
            .WithUrl(new Uri(server.BaseAddress, RunsHubMethods.Path), options =>
            {
                options.Transports = HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                options.WebSocketFactory = async (context, cancellationToken) =>
                    await server.CreateWebSocketClient().ConnectAsync(context.Uri, cancellationToken);
            })
            .Build();
    }

    /// <summary>Stops the server (flushing its logs) but leaves the folder for inspection; the final dispose removes it.</summary>
    public async Task DisposeAsyncKeepingFiles() => await base.DisposeAsync();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_owned is not null)
        {
            await _owned.DisposeAsync();
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A log file still being flushed; the temp folder is cleaned by the OS.
        }
    }
}
