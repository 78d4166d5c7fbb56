using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.SignalR;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Hubs;

/// <summary>
/// The steps of a run after a given sequence: stored ones first, then live ones, with no gap and no duplicate.
/// The live listener is registered before the store is read, so a step stored in between is seen by at least one of
/// the two and the sequence filter drops the second copy.
/// </summary>
public sealed class RunStepStream(StepFeed feed, RunStore store)
{
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

        while (await live.Reader.WaitToReadAsync(cancellationToken))
        {
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
}
