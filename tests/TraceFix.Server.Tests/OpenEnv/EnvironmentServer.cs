using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Server.OpenEnv.Sessions;

namespace TraceFix.Server.Tests.OpenEnv;

/// <summary>The real server on a real Kestrel socket (random port), with configuration overrides per test.</summary>
public sealed class EnvironmentServer : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _services;

    public EnvironmentServer(int maxSessions = 64, TimeSpan? idleTimeout = null, int maxMessageBytes = 64 * 1024,
        Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = new()
        {
            ["TraceFix:Sessions:MaxSessions"] = maxSessions.ToString(),
            ["TraceFix:Sessions:IdleTimeout"] = (idleTimeout ?? TimeSpan.FromMinutes(10)).ToString("c"),
            ["TraceFix:Sessions:MaxMessageBytes"] = maxMessageBytes.ToString(),
        };
        // UseKestrel(0) clears the server addresses while the app's entry point may already be starting them (a race);
        // listening on port 0 through the Kestrel options avoids that step.
        this.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    public Uri BaseAddress => ClientOptions.BaseAddress;

    public Uri SocketAddress => new UriBuilder(BaseAddress) { Scheme = "ws", Path = "/ws" }.Uri;

    public SessionManager Sessions => Services.GetRequiredService<SessionManager>();

    public HttpClient CreateHttpClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

    public async Task<EnvSocket> ConnectAsync() => await EnvSocket.ConnectAsync(SocketAddress);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            _services?.Invoke(services);
        });
    }
}
