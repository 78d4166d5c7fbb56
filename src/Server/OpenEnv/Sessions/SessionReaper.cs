using Microsoft.Extensions.Options;

namespace TraceFix.Server.OpenEnv.Sessions;

/// <summary>Periodically closes sessions that have been idle for longer than the configured timeout.</summary>
public sealed class SessionReaper(SessionManager sessions, IOptions<EnvironmentServerOptions> options, TimeProvider time, ILogger<SessionReaper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.EffectiveReapInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sessions.ReapIdleAsync();
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Reaping idle sessions failed");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
