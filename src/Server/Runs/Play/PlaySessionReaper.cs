using Microsoft.Extensions.Options;

namespace TraceFix.Server.Runs.Play;

/// <summary>Every <see cref="RunEngineOptions.PlayReapSeconds"/>: closes the manual play sessions left idle too long.</summary>
public sealed class PlaySessionReaper(PlaySessions sessions, IOptions<RunEngineOptions> options, TimeProvider clock,
    ILogger<PlaySessionReaper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PlayReapSeconds), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await sessions.CloseIdleAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Closing idle play sessions failed; trying again at the next tick");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
