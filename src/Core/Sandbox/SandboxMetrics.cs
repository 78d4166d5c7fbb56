using System.Diagnostics.Metrics;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// The sandbox's own instruments (meter <see cref="Name"/>): runs by outcome, the wait for a free warm slot, and slots
/// replaced after a crash, a kill or a timeout. Hosts export them (the server at <c>/metrics</c>); without a listener
/// they cost nothing.
/// </summary>
public static class SandboxMetrics
{
    public const string Name = "TraceFix.Sandbox";

    private static readonly Meter Meter = new(Name);

    private static readonly Counter<long> Runs = Meter.CreateCounter<long>(
        "tracefix.sandbox.runs", "{run}", "Sandboxed runs of the warm pool (tests, syntax checks) by outcome");

    private static readonly Histogram<double> PoolWait = Meter.CreateHistogram<double>(
        "tracefix.sandbox.pool.wait", "ms", "Time a run waited for a free warm sandbox");

    private static readonly Counter<long> SlotsReplaced = Meter.CreateCounter<long>(
        "tracefix.sandbox.slots.replaced", "{slot}", "Warm sandboxes killed and started again (crash, kill, timeout)");

    internal static void RunFinished(string kind, bool completed) =>
        Runs.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", completed ? "completed" : "killed"));

    internal static void Waited(TimeSpan wait) => PoolWait.Record(wait.TotalMilliseconds);

    internal static void SlotReplaced() => SlotsReplaced.Add(1);
}
