using TraceFix.Server.Environment;
using TraceFix.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTraceFixCore();
builder.AddEnvironmentServer();

var app = builder.Build();
app.UseBlazorFrameworkFiles();
app.UseStaticFiles();
app.MapEnvironmentServer();
app.MapFallbackToFile("index.html");

return app.RunTraceFix();
