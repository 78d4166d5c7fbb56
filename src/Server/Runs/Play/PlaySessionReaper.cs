using Microsoft.Extensions.Options;

namespace TraceFix.Server.Runs.Play;

/// <summary>Every <see cref="RunEngineOptions.PlayReapSeconds"/>: closes the manual play sessions left idle too long.</summary>
/// <remarks>
/// <see cref="PlaySessions"/> (and through it the task catalogue and the sandbox) is resolved at the first tick, not when
/// the hosted services are built, so that it never pre-empts the start-up checks of <c>CoreStartup</c>.
/// </remarks>
public sealed class PlaySessionReaper(IServiceProvider services, IOptions<RunEngineOptions> options, TimeProvider clock,
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
                    await services.GetRequiredService<PlaySessions>().CloseIdleAsync(stoppingToken);
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
