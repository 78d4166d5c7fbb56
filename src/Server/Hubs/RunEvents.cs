using Microsoft.AspNetCore.SignalR;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Hosting;
using TraceFix.Server.Store;

namespace TraceFix.Server.Hubs;

/// <summary>Tells viewers what the engine did. A failure to notify never fails a run: the store stays the truth.</summary>
public sealed class RunEvents(
    IHubContext<RunsHub, IRunsClient> hub, StepFeed feed, RunStore store, TraceFixTelemetry telemetry, IEnumerable<RedisStepRelay> relays,
    ILogger<RunEvents> logger)
{
    /// <summary>Call after the step is committed, in sequence order.</summary>
    public void StepStored(Guid runId, StepDto step)
    {
        telemetry.StepsRecorded.Add(1);
        using (var activity = TraceFixTelemetry.Source.StartActivity("step"))
        {
            activity?.SetTag("tracefix.run_id", runId.ToString());
            activity?.SetTag("tracefix.sequence", step.Sequence);
            activity?.SetTag("tracefix.action", step.Action.Type.ToString());
        }
        var recorded = new StepRecorded(runId, step.EpisodeId, step);
        feed.Publish(recorded);
        foreach (var relay in relays)
        {
            relay.Publish(recorded);
        }
    }

    public async Task RunChangedAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var summary = await store.GetSummaryAsync(runId, cancellationToken);
        if (summary is null)
        {
            return;
        }
        if (summary.Status.IsTerminal())
        {
            Complete(runId);
        }
        await Notify(() => hub.Clients.Groups(RunGroups.AllRuns, RunGroups.Run(runId)).RunStatusChanged(new RunStatusChanged(summary)));
    }

    public Task EpisodeStartedAsync(EpisodeDto episode) =>
        Notify(() => hub.Clients.Group(RunGroups.Run(episode.RunId)).EpisodeStarted(new EpisodeStarted(episode.RunId, episode)));

    public Task EpisodeFinishedAsync(EpisodeDto episode) =>
        Notify(() => hub.Clients.Group(RunGroups.Run(episode.RunId)).EpisodeFinished(new EpisodeFinished(episode.RunId, episode)));

    /// <summary>The model's text of a step being decided; goes to the run's viewers on every instance (backplane).</summary>
    public Task ModelTextAsync(ModelTextStreamed text) =>
        Notify(() => hub.Clients.Group(RunGroups.Run(text.RunId)).ModelTextStreamed(text));

    public Task RunDeletedAsync(Guid runId)
    {
        Complete(runId);
        return Notify(() => hub.Clients.Groups(RunGroups.AllRuns, RunGroups.Run(runId)).RunDeleted(new RunDeleted(runId)));
    }

    private void Complete(Guid runId)
    {
        feed.Complete(runId);
        foreach (var relay in relays)
        {
            relay.Complete(runId);
        }
    }

    private async Task Notify(Func<Task> send)
    {
        try
        {
            await send();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not notify run viewers");
        }
    }
}
