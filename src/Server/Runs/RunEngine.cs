using Microsoft.Extensions.Options;
using TraceFix.Server.Hosting;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>
/// Claims queued runs from the database and plays at most <see cref="RunEngineOptions.MaxConcurrentRuns"/> of them at a
/// time on this instance. Any instance on the same database may claim a run; a start on this instance wakes it at once,
/// the others find the run at their next poll.
/// </summary>
/// <remarks>
/// The executor (and through it the task catalog and the sandbox) is resolved only when the first run is played, so
/// that building the hosted services never pre-empts the start-up checks of <c>CoreStartup</c>.
/// </remarks>
public sealed class RunEngine(
    RunQueue queue, ActiveRuns active, RunStore store, InstanceIdentity instance, TraceFixTelemetry telemetry, IServiceProvider services,
    IOptions<RunEngineOptions> options, ILogger<RunEngine> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var running = new List<Task>();
        var failures = 0;
        var stopped = Task.Delay(Timeout.Infinite, stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                running.RemoveAll(t => t.IsCompleted);
                var free = settings.MaxConcurrentRuns - running.Count;
                IReadOnlyList<Guid> claimed = [];
                try
                {
                    claimed = await store.ClaimQueuedAsync(instance.Name, free, settings.Lease, stoppingToken);
                    failures = 0;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The database is away: keep the runs in hand, try again with a growing pause.
                    failures++;
                    logger.LogWarning("Could not claim queued runs (attempt {Attempt}): {Reason}", failures, ex.Message);
                }
                telemetry.RunsClaimed.Add(claimed.Count);
                foreach (var runId in claimed)
                {
                    running.Add(RunOneAsync(runId, stoppingToken));
                }
                var pause = failures > 0 ? TimeSpan.FromSeconds(Math.Min(30, failures * 2)) : settings.Poll;
                // Full: wait for a slot (a start here meanwhile stays queued). Otherwise: a start here, or the next poll.
                await (running.Count >= settings.MaxConcurrentRuns
                    ? Task.WhenAny([.. running, stopped])
                    : Task.WhenAny(queue.WaitAsync(pause, stoppingToken), stopped));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Running runs see the stopping token, record themselves as interrupted and end; wait for that.
        await Task.WhenAll(running);
    }

    private async Task RunOneAsync(Guid runId, CancellationToken stoppingToken)
    {
        // Registered before yielding, so a cancel arriving now finds the run among the active ones.
        var run = active.Add(runId, stoppingToken);
        await Task.Yield();
        try
        {
            var plan = await store.GetPlanAsync(runId, CancellationToken.None);
            if (plan is not null)
            {
                await services.GetRequiredService<RunExecutor>().ExecuteAsync(plan, run.Cancellation.Token, stoppingToken);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Run {RunId} could not be played", runId);
        }
        finally
        {
            active.Remove(runId);
        }
    }
}
