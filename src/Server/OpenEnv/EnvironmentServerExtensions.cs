using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using TraceFix.Server.OpenEnv.Http;
using TraceFix.Server.OpenEnv.Schema;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.WebSockets;

namespace TraceFix.Server.OpenEnv;

/// <summary>Wires the OpenEnv-compatible environment server: sessions, <c>/ws</c>, the HTTP routes and the API docs.</summary>
public static class EnvironmentServerExtensions
{
    public static WebApplicationBuilder AddEnvironmentServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EnvironmentServerOptions>()
            .BindConfiguration(EnvironmentServerOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.IdleTimeout > TimeSpan.Zero, "TraceFix:Sessions:IdleTimeout must be positive")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IEnvironmentSessionFactory, DebugSessionFactory>();
        builder.Services.AddSingleton<SessionManager>();
        builder.Services.AddSingleton<EnvironmentSocketHandler>();
        builder.Services.AddHostedService<SessionReaper>();
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication MapEnvironmentServer(this WebApplication app)
    {
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
        app.Map("/ws", (HttpContext context, EnvironmentSocketHandler handler) => handler.HandleAsync(context))
            .ExcludeFromDescription();
        app.MapHttpEnvironment();
        app.MapEnvironmentDescription();
        app.MapOpenApi("/openapi.json");
        app.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi.json").WithTitle("TraceFix environment API"));
        return app;
    }
}
