using System.Text.Json;

// The yardstick of the HTTP benchmark: a bare ASP.NET Core minimal API with default settings that reads the JSON body
// of POST /step and answers with a fixed JSON document (a real VIEW_CODE answer captured from the server, passed as
// --response FILE). It has no sessions, validation, logging or middleware: the most the framework can do on this
// machine for the same request and response sizes. The template's defaults are kept (CreateBuilder, server GC).
var app = WebApplication.CreateBuilder(args).Build();
var file = app.Configuration["response"] ?? throw new InvalidOperationException("usage: TraceFix.Ceiling --urls URL --response FILE");
using var document = JsonDocument.Parse(File.ReadAllBytes(file));
var response = document.RootElement.Clone();

app.MapPost("/step", (JsonElement body) => body.ValueKind == JsonValueKind.Object ? Results.Json(response) : Results.BadRequest());
app.MapGet("/health", () => Results.Json(new { status = "healthy" }));
app.Run();
