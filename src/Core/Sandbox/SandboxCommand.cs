using System.Diagnostics;
using System.Text.Json;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// Builds the command line of one sandboxed zygote: [sh: join the slot's cgroup, open the seccomp program as fd 3] →
/// setpriv (when root) → bwrap → python3 zygote.py.
/// </summary>
internal static class SandboxCommand
{
    private static readonly string[] RootLinks = ["/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"];

    // $1 = seccomp program file or "", $2 = cgroup directory or "", then the command. The shell moves itself into the
    // cgroup before exec, so every process of the sandbox starts inside it; "3<" gives bwrap a fresh descriptor to read.
    private const string Launcher =
        "f=$1; g=$2; shift 2; if [ -n \"$g\" ]; then echo $$ > \"$g/cgroup.procs\" || exit 121; fi; " +
        "if [ -n \"$f\" ]; then exec \"$@\" 3<\"$f\"; fi; exec \"$@\"";

    public const string ShellPath = "/bin/sh";

    /// <summary>A process with redirected streams, started in "/", and none of the host's environment but PATH.</summary>
    internal static ProcessStartInfo BareStartInfo()
    {
        var info = new ProcessStartInfo
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        // Nothing of the host's environment (API keys, tokens, connection strings) is passed on, even before bwrap clears it.
        info.Environment.Clear();
        info.Environment["PATH"] = "/usr/bin:/bin";
        return info;
    }

    public static ProcessStartInfo Create(SandboxOptions options, HarnessFiles harness, bool runningAsRoot) =>
        Create(options, harness, runningAsRoot, seccompFile: null, cgroup: null);

    public static ProcessStartInfo Create(SandboxOptions options, HarnessFiles harness, bool runningAsRoot, string? seccompFile, string? cgroup)
    {
        var limits = JsonSerializer.Serialize(SandboxLimits.From(options, watchdog: cgroup is null));
        var info = BareStartInfo();

        if (options.Unconfined)
        {
            info.FileName = options.PythonPath;
            AddAll(info, "-I", "-S", "-B", harness.ZygotePath, limits);
            return info;
        }

        if (seccompFile is not null || cgroup is not null)
        {
            info.FileName = ShellPath;
            AddAll(info, "-c", Launcher, "sh", seccompFile ?? "", cgroup ?? "");
            info.ArgumentList.Add(runningAsRoot ? options.SetprivPath : options.BwrapPath);
        }
        else
        {
            info.FileName = runningAsRoot ? options.SetprivPath : options.BwrapPath;
        }
        if (runningAsRoot)
        {
            var id = options.SandboxUid.ToString(System.Globalization.CultureInfo.InvariantCulture);
            AddAll(info, $"--reuid={id}", $"--regid={id}", "--clear-groups", "--inh-caps=-all", options.BwrapPath);
        }
        if (seccompFile is not null)
        {
            AddAll(info, "--seccomp", "3");
        }
        AddAll(info,
            "--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent", "--new-session", "--as-pid-1",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp", "--setenv", "LANG", "C.UTF-8",
            "--ro-bind", "/usr", "/usr");
        foreach (var link in RootLinks)
        {
            AddRootEntry(info, link);
        }
        foreach (var extra in options.ExtraReadOnlyPaths)
        {
            AddAll(info, "--ro-bind", extra, extra);
        }
        var tmpBytes = ((long)options.TmpSizeMb * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        AddAll(info,
            // A private mqueue mount lists the run's POSIX message queues, so the zygote can remove them after it.
            "--proc", "/proc", "--dev", "/dev", "--mqueue", "/dev/mqueue",
            "--size", tmpBytes, "--tmpfs", "/tmp",
            "--ro-bind", harness.Directory, "/harness",
            "--remount-ro", "/dev", "--remount-ro", "/",
            options.PythonPath, "-I", "-S", "-B", "/harness/zygote.py", limits);
        return info;
    }

    /// <summary>Merged-/usr systems have /lib etc. as symlinks into /usr; others have real directories to bind.</summary>
    private static void AddRootEntry(ProcessStartInfo info, string path)
    {
        var entry = new DirectoryInfo(path);
        if (!entry.Exists)
        {
            return;
        }
        if (entry.LinkTarget is { } target)
        {
            AddAll(info, "--symlink", target, path);
        }
        else
        {
            AddAll(info, "--ro-bind", path, path);
        }
    }

    private static void AddAll(ProcessStartInfo info, params string[] args)
    {
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }
    }
}
