using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Hubs;

/// <summary>
/// The steps of a run after a given sequence: stored ones first, then live ones, with no gap and no duplicate.
/// The live listener is registered before the store is read, so a step stored in between is seen by at least one of
/// the two and the sequence filter drops the second copy. When nothing arrives live for a while (the run plays on
/// another instance and the Redis relay is away, or is not configured) the store is read again, so the stream still
/// moves and still ends.
/// </summary>
public sealed class RunStepStream(StepFeed feed, RunStore store)
{
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(1);

    public async IAsyncEnumerable<StepRecorded> WatchAsync(Guid runId, long afterSequence,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var live = feed.Subscribe(runId);
        var status = await store.GetStatusAsync(runId, cancellationToken)
            ?? throw new HubException($"run {runId} does not exist");
        var last = Math.Max(0, afterSequence);
        foreach (var step in await store.GetStepsAfterAsync(runId, last, cancellationToken: cancellationToken))
        {
            last = step.Sequence;
            yield return new StepRecorded(runId, step.EpisodeId, step);
        }
        if (status.IsTerminal())
        {
            // The status was read before the steps, and a run ends only after its last step is stored.
            yield break;
        }

        while (true)
        {
            var ready = await WaitAsync(live.Reader, cancellationToken);
            if (ready is null)
            {
                break;
            }
            if (ready is false)
            {
                var now = await store.GetStatusAsync(runId, cancellationToken);
                foreach (var step in await store.GetStepsAfterAsync(runId, last, cancellationToken: cancellationToken))
                {
                    last = step.Sequence;
                    yield return new StepRecorded(runId, step.EpisodeId, step);
                }
                if (now is null || now.Value.IsTerminal())
                {
                    yield break;
                }
                continue;
            }
            while (live.Reader.TryRead(out var item))
            {
                if (item.Step.Sequence <= last)
                {
                    continue;
                }
                if (item.Step.Sequence > last + 1)
                {
                    var missing = (int)Math.Min(int.MaxValue, item.Step.Sequence - last - 1);
                    foreach (var step in await store.GetStepsAfterAsync(runId, last, missing, cancellationToken))
                    {
                        last = step.Sequence;
                        yield return new StepRecorded(runId, step.EpisodeId, step);
                    }
                }
                last = item.Step.Sequence;
                yield return item;
            }
        }

        // The run ended: whatever this viewer's buffer could not hold is in the store.
        foreach (var step in await store.GetStepsAfterAsync(runId, last, cancellationToken: cancellationToken))
        {
            last = step.Sequence;
            yield return new StepRecorded(runId, step.EpisodeId, step);
        }
    }

    /// <summary>True when an item is ready, false after <see cref="IdleCheck"/> without one, null when the feed ended.</summary>
    private static async Task<bool?> WaitAsync(ChannelReader<StepRecorded> reader, CancellationToken cancellationToken)
    {
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(IdleCheck);
        try
        {
            return await reader.WaitToReadAsync(idle.Token) ? true : null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
