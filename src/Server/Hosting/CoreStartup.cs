using TraceFix.Core.Sandbox;
using TraceFix.Core.Tasks;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Runs before the server accepts requests: loads the task catalog and proves the sandbox works. Either failing stops the
/// host with a critical log line, and the process exits non-zero (see docs/environment.md, "Start-up").
/// </summary>
internal sealed class CoreStartup(IServiceProvider services, ILogger<CoreStartup> logger) : IHostedLifecycleService
{
    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            services.GetRequiredService<TaskCatalog>();
        }
        catch (Exception ex) when (ex is TaskPackException or StartupRefusedException)
        {
            logger.LogCritical("TraceFix cannot start: the task catalog is unusable. {Reason}", ex.Message);
            throw;
        }

        try
        {
            var started = TimeProvider.System.GetTimestamp();
            var runner = services.GetRequiredService<ITestRunner>();
            if (runner is SandboxTestRunner sandbox)
            {
                await sandbox.StartAsync(cancellationToken);
            }
            await RunnerSelfTest.RunAsync(runner, cancellationToken);
            logger.LogInformation("Sandbox ready: started and passed the start-up self-test in {ElapsedMs:F0} ms",
                TimeProvider.System.GetElapsedTime(started).TotalMilliseconds);
            if (runner is SandboxTestRunner { Defences: { } defences })
            {
                logger.LogInformation("Sandbox defences: {Defences} (resource limits: {ResourceLimits})", defences.Describe(), defences.ResourceLimits);
            }
        }
        catch (SandboxUnavailableException ex)
        {
            logger.LogCritical(
                "TraceFix cannot start: the sandbox is unusable ({Reason}). Agent code is untrusted and is never run unconfined, " +
                "so the server refuses to start. Install bubblewrap (apt-get install bubblewrap) and allow unprivileged user namespaces, " +
                "or see docs/environment.md.", ex.Message);
            throw;
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
