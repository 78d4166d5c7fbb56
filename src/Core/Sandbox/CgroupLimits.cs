using System.Globalization;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// cgroup v2 limits per sandbox (memory, processes, CPU), used when the host delegates a cgroup whose children may have
/// the memory, pids and cpu controllers. Each slot gets its own child group, joined by the launcher shell before it execs
/// bubblewrap, so everything in the sandbox is counted from its first instruction; the zygote's sweep after each run
/// makes the limits per run. Without delegation the zygote's memory watchdog and the rlimits remain the enforcement.
/// </summary>
internal sealed class CgroupLimits
{
    private static readonly string[] Controllers = ["memory", "pids", "cpu"];
    private readonly string _parent;
    private readonly SandboxOptions _options;
    private int _next;

    private CgroupLimits(string parent, SandboxOptions options)
    {
        _parent = parent;
        _options = options;
    }

    public string Parent => _parent;

    /// <summary>Null with the reason when cgroups cannot be used here.</summary>
    public static CgroupLimits? TryCreate(SandboxOptions options, out string reason)
    {
        try
        {
            var parent = options.CgroupParent is { Length: > 0 } configured ? configured : OwnCgroup();
            if (parent is null)
            {
                reason = "no cgroup v2 hierarchy is mounted";
                return null;
            }
            var offered = ReadWords(Path.Combine(parent, "cgroup.controllers"));
            var missing = Controllers.Where(c => !offered.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                reason = $"the cgroup v2 group {parent} does not offer {string.Join(", ", missing)} (not delegated, or a hybrid v1 host)";
                return null;
            }
            var enabled = ReadWords(Path.Combine(parent, "cgroup.subtree_control"));
            if (Controllers.Any(c => !enabled.Contains(c)))
            {
                // Fails (EBUSY) when the group itself holds processes: delegate an empty group and name it in CgroupParent.
                File.WriteAllText(Path.Combine(parent, "cgroup.subtree_control"), string.Join(' ', Controllers.Select(c => "+" + c)));
            }
            var limits = new CgroupLimits(parent, options);
            var probe = limits.CreateGroup();
            Remove(probe);
            reason = $"cgroup v2 under {parent}";
            return limits;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            reason = $"cgroup v2 limits cannot be set here ({e.Message.TrimEnd('.')}); give the server a delegated group in TraceFix:Sandbox:CgroupParent";
            return null;
        }
    }

    /// <summary>A new child group with the sandbox's limits; the launcher writes its own pid into it.</summary>
    public string CreateGroup()
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"tracefix-{Environment.ProcessId}-{Interlocked.Increment(ref _next)}");
        var path = Path.Combine(_parent, name);
        Directory.CreateDirectory(path);
        var memory = ((long)_options.SandboxMemoryLimitMb * 1024 * 1024).ToString(CultureInfo.InvariantCulture);
        File.WriteAllText(Path.Combine(path, "memory.max"), memory);
        TryWrite(Path.Combine(path, "memory.swap.max"), "0");
        TryWrite(Path.Combine(path, "memory.oom.group"), "0");
        // The outer bubblewrap process and the launcher count too.
        File.WriteAllText(Path.Combine(path, "pids.max"), (_options.MaxProcesses + 4).ToString(CultureInfo.InvariantCulture));
        var quota = Math.Max(1000, _options.CgroupCpuPercent * 1000);
        File.WriteAllText(Path.Combine(path, "cpu.max"), string.Create(CultureInfo.InvariantCulture, $"{quota} 100000"));
        return path;
    }

    /// <summary>Removes a slot's group once its processes are gone (the kernel refuses while any remain).</summary>
    public static void Remove(string path)
    {
        for (var attempt = 0; attempt < 50; attempt++)
        {
            try
            {
                Directory.Delete(path);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException)
            {
                Thread.Sleep(10);
            }
            catch (UnauthorizedAccessException)
            {
                return;
            }
        }
    }

    private static string? OwnCgroup()
    {
        var line = File.ReadLines("/proc/self/cgroup").FirstOrDefault(l => l.StartsWith("0::", StringComparison.Ordinal));
        var mount = File.ReadLines("/proc/self/mountinfo")
            .Select(l => l.Split(" - ", 2))
            .Where(parts => parts.Length == 2 && parts[1].StartsWith("cgroup2 ", StringComparison.Ordinal))
            .Select(parts => parts[0].Split(' ')[4])
            .FirstOrDefault();
        if (line is null || mount is null)
        {
            return null;
        }
        return Path.Join(mount, line[3..].Trim());
    }

    private static HashSet<string> ReadWords(string path) =>
        File.ReadAllText(path).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static void TryWrite(string path, string value)
    {
        try
        {
            File.WriteAllText(path, value);
        }
        catch (IOException)
        {
        }
    }
}
