using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TraceFix.Server.Hosting;

/// <summary>
/// The product's own instruments (meter and activity source <c>TraceFix</c>), exported by OpenTelemetry: Prometheus
/// at <c>/metrics</c>, OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (see <see cref="TelemetryExtensions"/>).
/// One per host, from the host's meter factory, so that test hosts in one process keep their figures apart.
/// </summary>
public sealed class TraceFixTelemetry
{
    public const string Name = "TraceFix";

    public static readonly ActivitySource Source = new(Name);

    public TraceFixTelemetry(IMeterFactory meters)
    {
        var meter = meters.Create(Name);
        StepsRecorded = meter.CreateCounter<long>("tracefix.steps.recorded", "{step}", "Steps stored by this instance");
        RunsQueued = meter.CreateCounter<long>("tracefix.runs.queued", "{run}", "Runs accepted and queued through this instance");
        RunsClaimed = meter.CreateCounter<long>("tracefix.runs.claimed", "{run}", "Queued runs this instance claimed from the database");
        RunsFinished = meter.CreateCounter<long>("tracefix.runs.finished", "{run}", "Runs this instance played to an end, by status");
        HubViewers = meter.CreateUpDownCounter<long>("tracefix.hub.viewers", "{viewer}", "Live step streams open on this instance");
        Meter = meter;
    }

    public Meter Meter { get; }

    public Counter<long> StepsRecorded { get; }

    public Counter<long> RunsQueued { get; }

    public Counter<long> RunsClaimed { get; }

    public Counter<long> RunsFinished { get; }

    public UpDownCounter<long> HubViewers { get; }
}
