using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Hosting;

/// <summary>Creates the sandboxed runner from configuration.</summary>
internal static class SandboxRegistration
{
    public static ITestRunner Create(IServiceProvider services) =>
        throw new SandboxUnavailableException("no sandbox runner is available in this build");
}
