using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TraceFix.Server.Security;

namespace TraceFix.Server.Hosting;

/// <summary>
/// <c>/health/live</c>: the process answers (no dependency is checked). <c>/health/ready</c>: database, Redis when
/// configured and the sandbox pool, as JSON naming each check; 503 when one fails. OpenEnv's <c>/health</c> is separate.
/// </summary>
public static class HealthEndpoints
{
    public static WebApplicationBuilder AddTraceFixHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<SandboxHealthCheck>("sandbox", tags: ["ready"]);
        return builder;
    }

    /// <summary>Open to probes: they carry no key.</summary>
    public static IEndpointRouteBuilder MapTraceFixHealth(this IEndpointRouteBuilder app)
    {
        var probes = app.MapViewerGroup("/health");
        probes.MapHealthChecks("/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync });
        probes.MapHealthChecks("/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready"), ResponseWriter = WriteAsync });
        return app;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("status", report.Status.ToString().ToLowerInvariant());
            json.WriteStartObject("checks");
            foreach (var (name, entry) in report.Entries)
            {
                json.WriteStartObject(name);
                json.WriteString("status", entry.Status.ToString().ToLowerInvariant());
                // Descriptions are the checks' own words; exception texts may carry hosts or user names and stay out.
                json.WriteString("description", entry.Description ?? (entry.Status == HealthStatus.Healthy ? "ok" : "failed"));
                json.WriteNumber("duration_ms", Math.Round(entry.Duration.TotalMilliseconds, 1));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return context.Response.Body.WriteAsync(stream.ToArray()).AsTask();
    }
}
