using Microsoft.Extensions.Diagnostics.HealthChecks;
using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Hosting;

/// <summary>Ready when the sandboxed test runner has started (it passed the start-up self-test).</summary>
internal sealed class SandboxHealthCheck(ITestRunner runner) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(runner is not SandboxTestRunner sandbox || sandbox.IsStarted
            ? HealthCheckResult.Healthy("sandbox pool started")
            : HealthCheckResult.Unhealthy("the sandbox pool has not started"));
}
