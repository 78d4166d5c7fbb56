using TraceFix.Client.Model;
using TraceFix.Client.Services;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.State;

public sealed partial class RunPageState
{
    /// <summary>The load of the run on screen, cancelled when another run is opened (exposed for tests).</summary>
    public CancellationToken LoadToken => _load.Token;

    /// <summary>
    /// Pages the stored steps in (the first page paints at once, however long the run), then follows a live run's stream
    /// from the last stored step. Works on its own <paramref name="trace"/> and checks its token after every wait, so a
    /// superseded load never writes into the next run's state.
    /// </summary>
    private async Task LoadAsync(RunTrace trace, CancellationToken token)
    {
        try
        {
            while (true)
            {
                // A small first page paints the screen at once; bigger pages then fetch the rest with fewer round trips.
                var size = trace.LastSequence == 0 ? FirstStepPageSize : StepPageSize;
                var page = await _api.GetStepsAsync(trace.Run.Id, trace.LastSequence, size, token);
                token.ThrowIfCancellationRequested();
                foreach (var step in page)
                {
                    await ApplyAsync(trace, new StepRecorded(trace.Run.Id, step.EpisodeId, step), token);
                }
                await _dispatch(OnStepsLoaded);
                if (page.Count < size)
                {
                    break;
                }
            }
            Loaded = true;
            await _dispatch(Render);
            if (!trace.Run.Status.IsTerminal())
            {
                await WatchAsync(trace, token);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e) when (!token.IsCancellationRequested)
        {
            await _dispatch(() =>
            {
                Error = Loaded ? $"Live updates stopped: {e.Message}" : $"Could not load the steps: {e.Message}";
                return Render();
            });
        }
    }

    private async Task ApplyAsync(RunTrace trace, StepRecorded recorded, CancellationToken token)
    {
        if (!trace.Apply(recorded))
        {
            var detail = await _api.GetRunHeaderAsync(trace.Run.Id, token);
            token.ThrowIfCancellationRequested();
            trace.Merge(detail);
            trace.Apply(recorded);
        }
    }

    private Task OnStepsLoaded()
    {
        Player.SetCount(Episode?.Steps.Count ?? 0, follow: Follow);
        if (_pendingStep is { } wanted && Episode is { } ep && (ep.Steps.Count >= wanted || ep.Steps.Count >= ep.StepCountHint))
        {
            Player.Seek(wanted);
            _pendingStep = null;
        }
        return Render();
    }

    private async Task WatchAsync(RunTrace trace, CancellationToken token)
    {
        await foreach (var recorded in _feed.WatchAsync(trace.Run.Id, trace.LastSequence, token))
        {
            await ApplyAsync(trace, recorded, token);
            await _dispatch(() => OnStepArrived(recorded));
        }
        // The stream ends with the run: pick up the final status and scores.
        var final = await _api.GetRunHeaderAsync(trace.Run.Id, token);
        token.ThrowIfCancellationRequested();
        await _dispatch(() =>
        {
            trace.Merge(final);
            Player.SetCount(Episode?.Steps.Count ?? 0, Follow);
            return Render();
        });
    }

    private async Task OnStepArrived(StepRecorded recorded)
    {
        var ep = Trace?.Episodes.FirstOrDefault(e => e.Id == recorded.EpisodeId);
        if (ep is not null && Follow && ep.Index + 1 != EpisodeNumber && !Player.Playing)
        {
            EpisodeNumber = ep.Index + 1;
        }
        if (ep is not null && ep.Index + 1 == EpisodeNumber)
        {
            Player.SetCount(ep.Steps.Count, follow: Follow && !Player.Playing);
        }
        await _throttle.RequestAsync();
    }
}
