using Microsoft.Extensions.Diagnostics.HealthChecks;
using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Ready when the sandboxed test runner has started (it passed the start-up self-test); says which defences are in
/// force, e.g. whether resource limits come from cgroup v2 or from the watchdog.
/// </summary>
internal sealed class SandboxHealthCheck(ITestRunner runner) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(runner switch
        {
            SandboxTestRunner { IsStarted: false } => HealthCheckResult.Unhealthy("the sandbox pool has not started"),
            SandboxTestRunner { Defences: { } defences } => HealthCheckResult.Healthy(
                $"sandbox pool started; {defences.Describe()}",
                new Dictionary<string, object> { ["resource_limits"] = defences.ResourceLimits }),
            _ => HealthCheckResult.Healthy("sandbox pool started"),
        });
}
