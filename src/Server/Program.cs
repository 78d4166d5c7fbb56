using TraceFix.Server.Api;
using TraceFix.Server.Hosting;
using TraceFix.Server.Logging;
using TraceFix.Server.Mcp;
using TraceFix.Server.OpenEnv;
using TraceFix.Server.Runs;
using TraceFix.Server.Security;
using TraceFix.Server.Store;

return HostExit.RunTraceFix(() =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddTraceFixLogging();
    builder.AddDashboardAssets();
    builder.AddTraceFixCore();
    builder.AddEnvironmentServer();
    builder.AddMcpServer();
    builder.AddTraceFixStore();
    builder.AddRunEngine();
    builder.AddDashboardApi();
    builder.AddTraceFixSecurity();
    builder.Services.AddSignalR();
    builder.AddScaleOut();
    builder.AddTraceFixHealth();
    builder.AddTraceFixTelemetry();

    var app = builder.Build();
    app.UseExceptionHandler();
    app.UseStatusCodePages();
    app.UseTraceFixRequestLogging();
    app.UseBlazorFrameworkFiles();
    app.UseStaticFiles();
    app.UseRouting();
    app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(20) });
    app.UseTraceFixSecurity();
    app.UseMiddleware<BodyLimitMiddleware>();

    // Every endpoint states its policy (operator or anonymous); see TraceFixPolicies and EndpointPolicyTests.
    app.MapEnvironmentServer();
    app.MapMcpServer();
    app.MapTraceFixHealth();
    app.MapTraceFixMetrics();
    app.MapDashboardApi();
    app.MapFallbackToFile("index.html").AllowAnonymous();
    return app;
});
