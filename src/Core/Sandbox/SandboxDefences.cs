namespace TraceFix.Core.Sandbox;

/// <summary>
/// Which defences the started sandbox has in force, for the start-up log and health checks
/// (<see cref="SandboxTestRunner.Defences"/>).
/// </summary>
/// <param name="Confined">Agent code runs inside bubblewrap (false only in the unconfined development mode).</param>
/// <param name="Seccomp">The seccomp filter (<see cref="SeccompFilter"/>) is installed on every sandboxed process.</param>
/// <param name="ResourceLimits">"cgroup-v2" (memory, pids and cpu per sandbox, enforced by the kernel) or "watchdog"
/// (per-process rlimits plus the zygote's memory watchdog).</param>
/// <param name="ResourceLimitsDetail">Where the cgroups live, or why they are not used.</param>
/// <param name="IpcCleanup">Each sandbox has its own IPC namespace, emptied of SysV objects and POSIX queues after every run.</param>
public sealed record SandboxDefences(bool Confined, bool Seccomp, string ResourceLimits, string ResourceLimitsDetail, bool IpcCleanup)
{
    public const string CgroupV2 = "cgroup-v2";
    public const string Watchdog = "watchdog";

    public string Describe() => Confined
        ? $"bubblewrap; seccomp filter {(Seccomp ? "on" : "OFF")}; limits by {ResourceLimits} ({ResourceLimitsDetail}); " +
          $"IPC {(IpcCleanup ? "namespace per sandbox, emptied after every run" : "not cleaned")}"
        : "UNCONFINED (development mode): no bubblewrap, no seccomp filter, no cgroups";
}
