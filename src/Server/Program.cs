using TraceFix.Server.Hosting;
using TraceFix.Server.Store;

var builder = WebApplication.CreateBuilder(args);
builder.AddTraceFixCore();
builder.AddTraceFixStore();

var app = builder.Build();
app.UseBlazorFrameworkFiles();
app.UseStaticFiles();
app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.MapFallbackToFile("index.html");

app.Run();
