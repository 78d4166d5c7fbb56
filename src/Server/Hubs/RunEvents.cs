using Microsoft.AspNetCore.SignalR;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Hubs;

/// <summary>Tells viewers what the engine did. A failure to notify never fails a run: the store stays the truth.</summary>
public sealed class RunEvents(IHubContext<RunsHub, IRunsClient> hub, StepFeed feed, RunStore store, ILogger<RunEvents> logger)
{
    /// <summary>Call after the step is committed, in sequence order.</summary>
    public void StepStored(Guid runId, StepDto step) => feed.Publish(new StepRecorded(runId, step.EpisodeId, step));

    public async Task RunChangedAsync(Guid runId, CancellationToken cancellationToken = default)
    {
        var summary = await store.GetSummaryAsync(runId, CancellationToken.None);
        if (summary is null)
        {
            return;
        }
        if (summary.Status.IsTerminal())
        {
            feed.Complete(runId);
        }
        await Notify(() => hub.Clients.Groups(RunGroups.AllRuns, RunGroups.Run(runId)).RunStatusChanged(new RunStatusChanged(summary)));
    }

    public Task EpisodeStartedAsync(EpisodeDto episode) =>
        Notify(() => hub.Clients.Group(RunGroups.Run(episode.RunId)).EpisodeStarted(new EpisodeStarted(episode.RunId, episode)));

    public Task EpisodeFinishedAsync(EpisodeDto episode) =>
        Notify(() => hub.Clients.Group(RunGroups.Run(episode.RunId)).EpisodeFinished(new EpisodeFinished(episode.RunId, episode)));

    public Task RunDeletedAsync(Guid runId)
    {
        feed.Complete(runId);
        return Notify(() => hub.Clients.Groups(RunGroups.AllRuns, RunGroups.Run(runId)).RunDeleted(new RunDeleted(runId)));
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
