using Microsoft.Extensions.Options;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Hosting;
using TraceFix.Server.Hubs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>
/// Every <see cref="RunEngineOptions.Heartbeat"/>: renews the leases of the runs this instance holds, stops the ones
/// cancelled through another instance, and marks runs whose instance died (lease expired) as interrupted.
/// </summary>
public sealed class LeaseHeartbeat(
    RunStore store, ActiveRuns active, RunQueue queue, InstanceIdentity instance, RunEvents events, IOptions<RunEngineOptions> options,
    TimeProvider clock, ILogger<LeaseHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Heartbeat, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await BeatAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task BeatAsync(CancellationToken cancellationToken)
    {
        try
        {
            await store.RenewLeasesAsync(instance.Name, options.Value.Lease, cancellationToken);
            foreach (var runId in await store.RunsToStopAsync(instance.Name, active.Ids, cancellationToken))
            {
                if (active.TryGet(runId, out var run))
                {
                    logger.LogInformation("Run {RunId} was cancelled through another instance; stopping it here", runId);
                    await run.Cancellation.CancelAsync();
                }
            }
            var abandoned = await store.InterruptAbandonedAsync(null, cancellationToken);
            foreach (var runId in abandoned)
            {
                logger.LogWarning("Run {RunId} lost its instance (lease expired) and is marked interrupted", runId);
                await events.RunChangedAsync(runId, CancellationToken.None);
            }
            if (abandoned.Count > 0)
            {
                // An instance died: the runs it had queued wait for a claim; look now rather than at the next poll.
                queue.Wake();
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Lease heartbeat failed, retrying at the next beat: {Reason}", ex.Message);
        }
    }
}
