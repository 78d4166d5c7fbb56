using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using TraceFix.Core.Sandbox;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.Runs;
using TraceFix.Server.Security;

namespace TraceFix.Server.Hosting;

/// <summary>
/// OpenTelemetry: ASP.NET Core, runtime and product metrics scraped at <c>/metrics</c> (Prometheus text format); traces
/// of requests, runs and steps, plus all metrics, pushed over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the
/// standard OTEL_* variables configure it).
/// </summary>
public static class TelemetryExtensions
{
    public static WebApplicationBuilder AddTraceFixTelemetry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<TraceFixTelemetry>();
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("tracefix"))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(TraceFixTelemetry.Name, SandboxMetrics.Name)
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.WithTracing(tracing => tracing.AddAspNetCoreInstrumentation().AddSource(TraceFixTelemetry.Name)).UseOtlpExporter();
        }
        return builder;
    }

    /// <summary>The scrape is open: monitoring systems carry no key, and the figures hold no secret.</summary>
    public static IEndpointRouteBuilder MapTraceFixMetrics(this IEndpointRouteBuilder app)
    {
        // Gauges read this host's services when scraped.
        var telemetry = app.ServiceProvider.GetRequiredService<TraceFixTelemetry>();
        var active = app.ServiceProvider.GetRequiredService<ActiveRuns>();
        var sessions = app.ServiceProvider.GetRequiredService<SessionManager>();
        telemetry.Meter.CreateObservableGauge("tracefix.runs.active", () => active.Count, "{run}", "Runs this instance is playing now");
        telemetry.Meter.CreateObservableGauge("tracefix.environment.sessions", () => sessions.ActiveSessions, "{session}", "Open OpenEnv sessions on this instance");
        app.MapPrometheusScrapingEndpoint("/metrics").AllowAnonymous();
        return app;
    }
}
