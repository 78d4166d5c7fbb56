using System.Text.RegularExpressions;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Attempts to read what the agent must never see: tests, the reference fix, the harness's memory, the network, host secrets. Each runs through the real sandbox and also checks that the pool then serves normal runs (<see cref="HostileRun"/>).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ExfiltrationAttackTests(SandboxFixture sandbox)
{
    private readonly HostileRun hostile = new(sandbox);

    [Fact]
    public async Task TestsAndReferenceAreNotReadableFromDiskProcOrMemory()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + """
            import os, gc
            found = []
            for root, dirs, files in os.walk("/", onerror=lambda e: None):
                if root.startswith(("/proc", "/sys", "/usr")):
                    dirs[:] = []
                for f in files:
                    if f in ("test_solution.py", "fixed.py", "task.json"):
                        found.append(os.path.join(root, f))
            me = str(os.getpid())
            for pid in [p for p in os.listdir("/proc") if p.isdigit() and p != me]:
                for part in ("cmdline", "environ", "mem", "fd/0", "fd/1", "fd/3", "fd/4", "maps"):
                    try:
                        fd = os.open("/proc/%s/%s" % (pid, part), os.O_RDONLY | os.O_NONBLOCK)
                        try:
                            data = os.read(fd, 1 << 20)
                        finally:
                            os.close(fd)
                        if b"def test_" in data or b"assert " in data:
                            found.append(pid + "/" + part)
                    except OSError:
                        pass
            for obj in gc.get_objects():
                if isinstance(obj, str) and "def test_" in obj:
                    found.append("memory")
            print("FOUND" if found else "NOTHING", found)
            """);

        Assert.Contains("NOTHING []", report.CapturedOutput);
    }

    [Fact]
    public async Task LongLivedSandboxProcessesCannotBeTracedOrOpened()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + """
            import ctypes, os
            libc = ctypes.CDLL(None, use_errno=True)
            PTRACE_ATTACH = 16
            for pid in (1, os.getppid()):
                attached = libc.ptrace(PTRACE_ATTACH, pid, 0, 0) == 0
                try:
                    os.listdir("/proc/%d/fd" % pid)
                    fds = "open"
                except OSError:
                    fds = "denied"
                try:
                    open("/proc/%d/mem" % pid, "rb").close()
                    mem = "open"
                except OSError:
                    mem = "denied"
                print("PID", pid, "attached" if attached else "refused", fds, mem)
            """);

        // PID 1 is the zygote, the parent is the spawner: the two processes that outlive a run.
        Assert.Contains("PID 1 refused denied denied", report.CapturedOutput);
        Assert.Equal(2, Regex.Matches(report.CapturedOutput, "refused denied denied").Count);
        Assert.DoesNotContain("attached", report.CapturedOutput);
        Assert.DoesNotContain("open", report.CapturedOutput);
    }

    [Fact]
    public async Task NetworkIsUnreachable()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + """
            import socket
            for host, port in (("1.1.1.1", 80), ("8.8.8.8", 53), ("127.0.0.1", 22)):
                try:
                    socket.create_connection((host, port), timeout=1).close()
                    print("connected", host)
                except OSError as exc:
                    print("blocked", host, type(exc).__name__)
            try:
                socket.getaddrinfo("example.com", 80)
                print("resolved")
            except OSError:
                print("no dns")
            """);

        Assert.Contains("blocked 1.1.1.1", report.CapturedOutput);
        Assert.Contains("blocked 8.8.8.8", report.CapturedOutput);
        Assert.DoesNotContain("connected", report.CapturedOutput);
        Assert.DoesNotContain("resolved", report.CapturedOutput);
    }

    [Fact]
    public async Task HostSecretsAreNotVisible()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + """
            import os
            print("ENV", dict(os.environ))
            for name in ("HF_TOKEN", "API_KEY", "OPENAI_API_KEY"):
                print(name, os.environ.get(name))
            for pid in [p for p in os.listdir("/proc") if p.isdigit()]:
                try:
                    print("PROC", pid, open("/proc/%s/environ" % pid, "rb").read())
                except OSError as exc:
                    print("PROC", pid, "denied")
            """);

        Assert.Contains("HF_TOKEN None", report.CapturedOutput);
        foreach (var secret in SandboxFixture.FakeSecrets.Values)
        {
            Assert.DoesNotContain(secret, report.CapturedOutput);
        }
    }
}
