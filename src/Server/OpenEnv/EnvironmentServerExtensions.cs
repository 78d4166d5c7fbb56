using Microsoft.Extensions.DependencyInjection.Extensions;
using Scalar.AspNetCore;
using TraceFix.Server.Hosting;
using TraceFix.Server.OpenEnv.Http;
using TraceFix.Server.OpenEnv.Schema;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.WebSockets;
using TraceFix.Server.Security;

namespace TraceFix.Server.OpenEnv;

/// <summary>Wires the OpenEnv-compatible environment server: sessions, <c>/ws</c>, the HTTP routes and the API docs.</summary>
public static class EnvironmentServerExtensions
{
    public static WebApplicationBuilder AddEnvironmentServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<EnvironmentServerOptions>();
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.TryAddSingleton<IEnvironmentSessionFactory, DebugSessionFactory>();
        builder.Services.AddSingleton<SessionManager>();
        builder.Services.AddSingleton<EnvironmentSocketHandler>();
        builder.Services.AddHostedService<SessionReaper>();
        builder.Services.AddOpenApi();
        return builder;
    }

    /// <summary>
    /// Driving an environment (/ws, /reset, /step, /state, /sessions) needs the operator key for every method, since
    /// /state and the socket upgrade are GETs; its description (/health, /metadata, /schema, the API docs) is open.
    /// </summary>
    public static IEndpointRouteBuilder MapEnvironmentServer(this IEndpointRouteBuilder app)
    {
        var drive = app.MapOperatorGroup("");
        drive.Map("/ws", (HttpContext context, EnvironmentSocketHandler handler) => handler.HandleAsync(context))
            .ExcludeFromDescription();
        drive.MapHttpEnvironment();
        var describe = app.MapViewerGroup("");
        describe.MapEnvironmentDescription();
        describe.MapOpenApi("/openapi.json");
        describe.MapScalarApiReference("/docs", options => options.WithOpenApiRoutePattern("/openapi.json").WithTitle("TraceFix environment API"));
        return app;
    }
}
