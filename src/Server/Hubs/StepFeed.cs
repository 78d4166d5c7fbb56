using System.Threading.Channels;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Hubs;

/// <summary>
/// In-process fan-out of stored steps to the viewers of a run. Publishing never waits: a viewer whose buffer is full
/// misses items, notices the jump in sequence and reads them back from the store.
/// </summary>
public sealed class StepFeed(Hosting.TraceFixTelemetry telemetry)
{
    private const int BufferPerViewer = 1024;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, List<StepSubscription>> _byRun = [];

    public StepSubscription Subscribe(Guid runId)
    {
        var subscription = new StepSubscription(this, runId, Channel.CreateBounded<StepRecorded>(
            new BoundedChannelOptions(BufferPerViewer) { SingleReader = true, SingleWriter = false, FullMode = BoundedChannelFullMode.Wait }));
        lock (_gate)
        {
            if (!_byRun.TryGetValue(runId, out var list))
            {
                _byRun[runId] = list = [];
            }
            list.Add(subscription);
        }
        telemetry.HubViewers.Add(1);
        return subscription;
    }

    public void Publish(StepRecorded step)
    {
        foreach (var subscription in Snapshot(step.RunId))
        {
            subscription.Writer.TryWrite(step);
        }
    }

    /// <summary>The run has ended: current viewers drain what they have, then finish from the store.</summary>
    public void Complete(Guid runId)
    {
        foreach (var subscription in Snapshot(runId))
        {
            subscription.Writer.TryComplete();
        }
    }

    public int ViewerCount(Guid runId)
    {
        lock (_gate)
        {
            return _byRun.TryGetValue(runId, out var list) ? list.Count : 0;
        }
    }

    internal void Remove(StepSubscription subscription)
    {
        lock (_gate)
        {
            if (_byRun.TryGetValue(subscription.RunId, out var list) && list.Remove(subscription))
            {
                telemetry.HubViewers.Add(-1);
                if (list.Count == 0)
                {
                    _byRun.Remove(subscription.RunId);
                }
            }
        }
    }

    private StepSubscription[] Snapshot(Guid runId)
    {
        lock (_gate)
        {
            return _byRun.TryGetValue(runId, out var list) ? [.. list] : [];
        }
    }
}
