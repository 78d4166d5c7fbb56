using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Defence in depth: the seccomp filter refuses each denied system call (and every other ABI), POSIX message queues and
/// SysV objects never survive into the next run, and the runner says which defences are in force.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class KernelSurfaceAttackTests(SandboxFixture sandbox)
{
    private readonly HostileRun hostile = new(sandbox);

    [Fact]
    public async Task EveryDeniedSystemCallIsRefused()
    {
        var calls = string.Join(", ", SeccompFilter.Denied.Select(d => $"(\"{d.Key}\", {d.Value})"));
        var report = await hostile.RunAsync(HostileRun.Buggy + $$"""
            import ctypes, os, socket
            libc = ctypes.CDLL(None, use_errno=True)
            libc.syscall.restype = ctypes.c_long
            def attempt(nr, *args):
                ctypes.set_errno(0)
                result = libc.syscall(ctypes.c_long(nr), *[ctypes.c_long(a) for a in args])
                return result, ctypes.get_errno()
            for name, nr in [{{calls}}]:
                result, err = attempt(nr, 0, 0, 0, 0, 0)
                print("CALL", name, result, err)
            print("X32", *attempt(0x40000000 | 39))
            print("CLONE_NEWUSER", *attempt(56, 0x10000000 | 17, 0, 0, 0, 0))
            for family in (socket.AF_INET, socket.AF_INET6, socket.AF_NETLINK, socket.AF_PACKET):
                try:
                    socket.socket(family, socket.SOCK_DGRAM if family != socket.AF_PACKET else socket.SOCK_RAW)
                    print("SOCKET", family, "opened")
                except OSError as exc:
                    print("SOCKET", family, exc.errno)
            a, b = socket.socketpair(socket.AF_UNIX)
            print("UNIX ok")
            """);

        var lines = report.CapturedOutput.Split('\n');
        foreach (var name in SeccompFilter.Denied.Keys)
        {
            Assert.Contains($"CALL {name} -1 1", lines);
        }
        Assert.Contains("X32 -1 38", lines);
        Assert.Contains("CLONE_NEWUSER -1 1", lines);
        Assert.Equal(4, lines.Count(l => l.StartsWith("SOCKET ", StringComparison.Ordinal) && l.EndsWith(" 97", StringComparison.Ordinal)));
        Assert.Contains("UNIX ok", lines);
    }

    [Fact]
    public async Task AMessageQueueLeftBehindIsGoneForTheNextRun()
    {
        const string queues = """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            libc.mq_open.restype = ctypes.c_int
            print("LISTED", sorted(os.listdir("/dev/mqueue")))
            print("OPEN", libc.mq_open(b"/tracefix-left", os.O_RDWR, 0, None), ctypes.get_errno())
            created = libc.mq_open(b"/tracefix-left", os.O_CREAT | os.O_RDWR, 0o666, None)
            print("CREATED", created >= 0, libc.mq_send(created, b"secret", 6, 0))
            """;
        var first = await hostile.RunAsync(HostileRun.Buggy + queues);
        Assert.Contains("CREATED True 0", first.CapturedOutput);

        for (var i = 0; i < 2 * sandbox.Runner.Options.PoolSize; i++)
        {
            var next = await hostile.RunAsync(HostileRun.Buggy + queues);
            Assert.Contains("LISTED []", next.CapturedOutput);
            Assert.Contains("OPEN -1 2", next.CapturedOutput);
        }
    }

    [Fact]
    public async Task ASysVQueueLeftBehindIsGoneForTheNextRun()
    {
        const string queue = """
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            print("FOUND", libc.msgget(0x7F00D, 0), ctypes.get_errno())
            print("MADE", libc.msgget(0x7F00D, 0o1666) >= 0)
            """;
        await hostile.RunAsync(HostileRun.Buggy + queue);

        for (var i = 0; i < 2 * sandbox.Runner.Options.PoolSize; i++)
        {
            var next = await hostile.RunAsync(HostileRun.Buggy + queue);
            Assert.Contains("FOUND -1 2", next.CapturedOutput);
        }
    }

    [Fact]
    public void TheRunnerSaysWhichDefencesAreInForce()
    {
        var defences = sandbox.Runner.Defences;

        Assert.NotNull(defences);
        Assert.True(defences.Confined);
        Assert.True(defences.Seccomp);
        Assert.True(defences.IpcCleanup);
        Assert.Contains(defences.ResourceLimits, new[] { SandboxDefences.CgroupV2, SandboxDefences.Watchdog });
        Assert.False(string.IsNullOrWhiteSpace(defences.ResourceLimitsDetail));
        Assert.Contains("seccomp filter on", defences.Describe());
    }
}
