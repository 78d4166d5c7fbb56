using Microsoft.Extensions.Options;
using TraceFix.Core.Sandbox;

namespace TraceFix.Server.Hosting;

/// <summary>
/// Builds the sandboxed runner from <c>TraceFix:Sandbox</c>. The unconfined development mode is honoured only in the
/// Development environment; anywhere else asking for it stops the server.
/// </summary>
internal static class SandboxRegistration
{
    public static SandboxTestRunner Create(IServiceProvider services)
    {
        var environment = services.GetRequiredService<IHostEnvironment>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("TraceFix.Sandbox");
        var options = services.GetRequiredService<IOptions<SandboxOptions>>().Value;
        if (options.Unconfined)
        {
            if (!environment.IsDevelopment())
            {
                throw new SandboxUnavailableException(
                    $"{SandboxOptions.Section}:Unconfined is set, but running agent code without the sandbox is allowed only in the Development " +
                    $"environment (this is {environment.EnvironmentName})");
            }
            logger.LogCritical("{Section}:Unconfined is on: agent code runs WITHOUT the sandbox, as this user, with file system and network access. Development use only.", SandboxOptions.Section);
        }
        if (!options.Seccomp && !options.Unconfined)
        {
            logger.LogWarning("{Section}:Seccomp is false: the sandbox runs agent code WITHOUT its seccomp filter (ptrace, mount, " +
                "unshare, keyctl, bpf, sockets other than AF_UNIX ... stay reachable). Use only on a host that cannot install it.", SandboxOptions.Section);
        }
        return new SandboxTestRunner(options);
    }
}
