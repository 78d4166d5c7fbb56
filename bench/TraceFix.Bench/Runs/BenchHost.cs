using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TraceFix.Core.Sandbox;

namespace TraceFix.Bench.Runs;

/// <summary>(Any Server type names the assembly whose entry point is started; the bench has its own Program.) The real server on Kestrel (a random local port) with its own SQLite file in a temporary folder.</summary>
internal sealed class BenchHost(Action<IServiceCollection>? services = null) : WebApplicationFactory<TraceFix.Server.Store.RunStore>
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("tracefix-bench-").FullName;

    static BenchHost()
    {
        // The bench is not a test project, so no content-root attribute was generated for the server: point at src/Server.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var server = Path.Combine(dir.FullName, "src", "Server");
            if (File.Exists(Path.Combine(server, "TraceFix.Server.csproj")))
            {
                Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_TRACEFIX_SERVER", server);
                break;
            }
        }
    }

    public Uri Start()
    {
        UseKestrel(0);
        StartServer();
        return ClientOptions.BaseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("ConnectionStrings:TraceFix", $"Data Source={Path.Combine(Folder, "bench.db")}");
        builder.UseSetting("TraceFix:Logging:File", "false");
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(s =>
        {
            // The real sandbox, whichever way the server build registers it.
            s.RemoveAll<ITestRunner>();
            s.AddSingleton<ITestRunner>(_ => new SandboxTestRunner(new SandboxOptions()));
            services?.Invoke(s);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
