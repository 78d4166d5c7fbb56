using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Core.Sandbox;

/// <summary>Where the sandbox's tools live and the limits every test run gets; the server binds <see cref="Section"/>.</summary>
public sealed record SandboxOptions : ISettingsSection
{
    public const string Section = "TraceFix:Sandbox";

    static string ISettingsSection.Section => Section;

    /// <summary>The interpreter inside the sandbox. Not `python3` from PATH: on developer machines that is often a slow pyenv shim.</summary>
    [Required]
    public string PythonPath { get; init; } = "/usr/bin/python3";

    [Required]
    public string BwrapPath { get; init; } = "/usr/bin/bwrap";

    /// <summary>Used only when the host runs as root, to drop to <see cref="SandboxUid"/> before bubblewrap starts.</summary>
    [Required]
    public string SetprivPath { get; init; } = "/usr/bin/setpriv";

    /// <summary>The unprivileged uid/gid the sandbox runs as when the host is root (65534 = nobody).</summary>
    [Range(1, int.MaxValue)]
    public int SandboxUid { get; init; } = 65534;

    /// <summary>
    /// Warm sandboxed interpreters kept ready; concurrent runs beyond this queue. At least four, so that back-to-back
    /// runs rotate through slots and one cleaning up after its run (reaping, emptying /tmp) never delays the next.
    /// </summary>
    [Range(1, 1024)]
    public int PoolSize { get; init; } = Math.Max(4, Environment.ProcessorCount);

    /// <summary>Address-space limit of the solution process.</summary>
    [Range(16, 1_048_576)]
    public int MemoryLimitMb { get; init; } = 512;

    /// <summary>
    /// Resident memory of everything in one sandbox together (the watchdog in the zygote kills the run beyond it), since
    /// the per-process limit alone would let a fork bomb of large allocations multiply it.
    /// </summary>
    [Range(16, 1_048_576)]
    public int SandboxMemoryLimitMb { get; init; } = 1024;

    /// <summary>CPU-time ceiling of the solution process; a run also gets at most its timeout plus a second or so.</summary>
    [Range(1, 86_400)]
    public int CpuSeconds { get; init; } = 30;

    /// <summary>Processes and threads the sandbox may hold at once (the zygote, spawner and solution process count as three).</summary>
    [Range(3, 100_000)]
    public int MaxProcesses { get; init; } = 12;

    /// <summary>Largest file the solution may write.</summary>
    [Range(1, 1_048_576)]
    public int MaxFileSizeMb { get; init; } = 8;

    /// <summary>Size of the sandbox's private /tmp (a tmpfs, emptied after every run).</summary>
    [Range(1, 1_048_576)]
    public int TmpSizeMb { get; init; } = 32;

    /// <summary>Captured output kept per run: the last this many characters, after a "[...truncated N chars...]" line.</summary>
    [Range(100, 100_000_000)]
    public int MaxOutputChars { get; init; } = 1000;

    /// <summary>Extra time the host grants a run beyond its own timeout before it kills the sandbox process.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan HostTimeoutMargin { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long a run waits for a free sandbox before failing with <see cref="SandboxUnavailableException"/> (all busy
    /// for that long, or sandboxes that died cannot be restarted).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan QueueTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Install the seccomp filter (<see cref="SeccompFilter"/>) on every sandboxed process. When it cannot be installed
    /// the sandbox refuses to start; set false only on a host that cannot have it (the host should warn loudly).
    /// </summary>
    public bool Seccomp { get; init; } = true;

    /// <summary>Use cgroup v2 limits per sandbox when the host delegates a cgroup (else the watchdog and rlimits).</summary>
    public bool Cgroups { get; init; } = true;

    /// <summary>A delegated cgroup v2 directory to create the sandboxes' groups in (default: the server's own group).</summary>
    public string? CgroupParent { get; init; }

    /// <summary>CPU share of one sandbox under cgroups, in percent of one core (cpu.max).</summary>
    [Range(1, 100_000)]
    public int CgroupCpuPercent { get; init; } = 100;

    /// <summary>Read-only paths to expose besides /usr (for an interpreter installed elsewhere).</summary>
    public IReadOnlyList<string> ExtraReadOnlyPaths { get; init; } = [];

    /// <summary>
    /// Development escape hatch: run the harness without bubblewrap, as the host user, with the host's file system
    /// and network, and no cleanup between runs. Never the default; a host that enables it should warn loudly.
    /// </summary>
    public bool Unconfined { get; init; }
}
