using TraceFix.Server.Api;
using TraceFix.Server.OpenEnv;
using TraceFix.Server.Hosting;
using TraceFix.Server.Logging;
using TraceFix.Server.Mcp;
using TraceFix.Server.Runs;
using TraceFix.Server.Security;
using TraceFix.Server.Store;

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
app.UseTraceFixSecurity();
app.UseBlazorFrameworkFiles();
app.UseStaticFiles();
app.MapEnvironmentServer();
app.MapMcpServer();
app.MapTraceFixHealth();
app.MapTraceFixMetrics();
app.MapDashboardApi();
app.MapFallbackToFile("index.html");

return app.RunTraceFix();
