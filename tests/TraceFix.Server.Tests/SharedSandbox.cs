using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Tests;

/// <summary>
/// One real bubblewrap sandbox pool for every test host in this process: starting a warm pool per test would cost more
/// than the tests. The container does not own it (registered as an instance), so disposing a host leaves it running.
/// </summary>
internal static class SharedSandbox
{
    public static SandboxTestRunner Runner { get; } = new(new SandboxOptions { PoolSize = 3 });
}
