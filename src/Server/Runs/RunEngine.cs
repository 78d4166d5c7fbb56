using Microsoft.Extensions.Options;
using TraceFix.Server.Store;

namespace TraceFix.Server.Runs;

/// <summary>Takes runs from the queue and plays at most <see cref="RunEngineOptions.MaxConcurrentRuns"/> of them at a time.</summary>
/// <remarks>
/// The executor (and through it the task catalog and the sandbox) is resolved only when the first run is played, so
/// that building the hosted services never pre-empts the start-up checks of <c>CoreStartup</c>.
/// </remarks>
public sealed class RunEngine(
    RunQueue queue, ActiveRuns active, RunStore store, IServiceProvider services, IOptions<RunEngineOptions> options, ILogger<RunEngine> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentRuns);
        var running = new List<Task>();
        try
        {
            await foreach (var runId in queue.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                running.RemoveAll(t => t.IsCompleted);
                running.Add(RunOneAsync(runId, slots, stoppingToken));
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        // Running runs see the stopping token, record themselves as interrupted and end; wait for that.
        await Task.WhenAll(running);
    }

    private async Task RunOneAsync(Guid runId, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        await Task.Yield();
        // Registered before the status check, so a cancel that arrives now finds the run here or still queued in the store.
        var run = active.Add(runId, stoppingToken);
        try
        {
            if (!await store.TryStartRunAsync(runId, CancellationToken.None))
            {
                return;
            }
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
            slots.Release();
        }
    }
}
