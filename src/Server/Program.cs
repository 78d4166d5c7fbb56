using TraceFix.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTraceFixCore();

var app = builder.Build();
app.UseBlazorFrameworkFiles();
app.UseStaticFiles();
app.MapGet("/health", () => Results.Ok(new { status = "healthy" }));
app.MapFallbackToFile("index.html");

return app.RunTraceFix();
