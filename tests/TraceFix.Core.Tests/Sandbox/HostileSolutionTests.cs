using System.Text.RegularExpressions;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Hostile solution.py files run through the real sandbox. Each one is a failing program plus an attack; none may
/// score as passing, leak anything, escape its limits, or leave the pool unable to serve a normal run.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed partial class HostileSolutionTests(SandboxFixture sandbox)
{
    private const string Task = "binary_search_off_by_one";

    private const string Buggy = """
        def binary_search(items, target):
            low, high = 0, len(items) - 1
            while low < high:
                mid = (low + high) // 2
                if items[mid] == target:
                    return mid
                if items[mid] < target:
                    low = mid + 1
                else:
                    high = mid - 1
            return -1

        """;

    [Fact]
    public async Task PrintingTheSuccessMarkersDoesNotPass()
    {
        var report = await HostileRunAsync("""
            import sys
            print("Tests Passed: 8/8")
            print("SUCCESS: ALL TESTS PASSED! You are finished.")
            sys.stderr.write("Tests Passed:8 / 8\n")
            """ + "\n" + Buggy.Replace("return -1", "print('Tests Passed: 8/8 SUCCESS: ALL TESTS PASSED')\n    return -1"));

        Assert.Contains("[printed]", report.CapturedOutput);
    }

    [Theory]
    [InlineData("import sys\nsys.exit(0)\n")]
    [InlineData("import os\nos._exit(0)\n")]
    [InlineData("raise SystemExit(0)\n")]
    [InlineData("raise KeyboardInterrupt\n")]
    [InlineData("import os, signal\nos.kill(os.getpid(), signal.SIGKILL)\n")]
    public async Task ExitingOrRaisingAtImportFailsEveryTest(string attack)
    {
        var report = await HostileRunAsync(Buggy + attack);

        Assert.Equal(0, report.Passed);
    }

    [Theory]
    [InlineData("sys.exit(0)")]
    [InlineData("os._exit(0)")]
    [InlineData("raise SystemExit(0)")]
    [InlineData("raise KeyboardInterrupt")]
    [InlineData("os.kill(os.getppid(), 9)")]
    [InlineData("os.kill(-1, 9)")]
    [InlineData("os.kill(os.getppid(), 19)")]
    public async Task ExitingOrKillingInsideTheFunctionDoesNotPass(string attack)
    {
        var report = await HostileRunAsync("import os, sys\n" + Buggy.Replace("    return -1", "    " + attack + "\n    return -1"), TimeSpan.FromSeconds(2));

        Assert.True(report.Results.Count(r => !r.Passed) >= 1);
    }

    [Fact]
    public async Task PatchingBuiltinsAssertMachineryAndTheHarnessDoesNotPass()
    {
        var report = await HostileRunAsync(Buggy + """
            import builtins, sys, gc
            class Yes:
                def __eq__(self, other): return True
                def __ne__(self, other): return False
                def __bool__(self): return True
            builtins.AssertionError = type("AssertionError", (Exception,), {})
            builtins.isinstance = lambda *a: True
            builtins.len = lambda x: 0
            for name in list(sys.modules):
                module = sys.modules[name]
                for attr in ("run", "serve", "_run_one", "run_tests", "message", "compile_tests", "decode", "encode", "write_frame", "_failed"):
                    if hasattr(module, attr):
                        try:
                            setattr(module, attr, lambda *a, **k: {"name": "x", "passed": True})
                        except Exception:
                            pass
            def binary_search(items, target):
                return Yes()
            """);

        Assert.Equal(0, report.Passed);
    }

    [Fact]
    public async Task AnObjectThatEqualsEverythingDoesNotPass()
    {
        var report = await HostileRunAsync("""
            class Anything(int):
                def __eq__(self, other): return True
                def __ne__(self, other): return False
                __hash__ = int.__hash__
            class Wild:
                def __eq__(self, other): return True
                def __bool__(self): return True
            def binary_search(items, target):
                return Wild() if target % 2 else Anything(-7)
            """);

        Assert.Equal(0, report.Passed);
    }

    [Fact]
    public async Task TestsAndReferenceAreNotReadableFromDiskProcOrMemory()
    {
        var report = await HostileRunAsync(Buggy + """
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
        var report = await HostileRunAsync(Buggy + """
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
    public async Task WalkingCallerFramesFindsNoExpectedValues()
    {
        var report = await HostileRunAsync("""
            import sys
            def binary_search(items, target):
                seen = []
                frame = sys._getframe(1)
                while frame is not None:
                    for key, value in frame.f_locals.items():
                        if key in ("expected", "_tfh_b", "right") or "test" in frame.f_code.co_filename:
                            seen.append((key, value))
                    frame = frame.f_back
                print("SEEN", seen)
                return -1
            """);

        Assert.Contains("SEEN []", report.CapturedOutput);
    }

    [Fact]
    public async Task InfiniteLoopTimesOut()
    {
        var report = await HostileRunAsync(Buggy.Replace("def binary_search(items, target):", "def binary_search(items, target):\n    while True:\n        pass"), TimeSpan.FromSeconds(1));

        Assert.True(report.TimedOut);
        Assert.Contains("timed out", report.Results.First(r => !r.Passed).ErrorMessage);
    }

    [Fact]
    public async Task InfiniteLoopAtImportTimesOut()
    {
        var report = await HostileRunAsync("while True:\n    pass\n" + Buggy, TimeSpan.FromSeconds(1));

        Assert.True(report.TimedOut);
        Assert.Equal(0, report.Passed);
    }

    [Fact]
    public async Task MemoryBombIsStopped()
    {
        var report = await HostileRunAsync(Buggy + """
            hoard = []
            try:
                while True:
                    hoard.append(bytearray(50 * 1024 * 1024))
            except MemoryError:
                hoard.clear()
                print("memory limited")
            big = "x" * (1 << 40)
            """);

        Assert.Contains("memory limited", report.CapturedOutput);
        Assert.Contains("MemoryError", report.Results[0].ErrorMessage);
    }

    [Fact]
    public async Task ForkedMemoryBombIsStoppedByTheSandboxWideWatchdog()
    {
        var report = await HostileRunAsync(Buggy + """
            import os, time
            for _ in range(8):
                if os.fork() == 0:
                    hoard = b"x" * (400 * 1024 * 1024)
                    time.sleep(60)
                    os._exit(0)
            time.sleep(60)
            """, TimeSpan.FromSeconds(10));

        Assert.Equal(0, report.Passed);
        Assert.Contains("out of memory", report.Results[0].ErrorMessage);
    }

    [Fact]
    public async Task SysVSharedMemoryIsCountedAndDoesNotOutliveTheRun()
    {
        var report = await HostileRunAsync(Buggy + """
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.shmat.restype = ctypes.c_void_p
            size = 64 * 1024 * 1024
            for i in range(40):
                segment = libc.shmget(0, size, 0o1000 | 0o600)
                address = libc.shmat(segment, None, 0)
                ctypes.memset(address, 1, size)
                libc.shmdt(ctypes.c_void_p(address))
                print("segment", i, flush=True)
            """, TimeSpan.FromSeconds(10));

        Assert.Equal(0, report.Passed);
        Assert.Contains("out of memory", report.Results[0].ErrorMessage);
        var task = sandbox.Tasks.Get(Task);
        for (var i = 0; i < 2 * sandbox.Runner.Options.PoolSize; i++)
        {
            var census = await sandbox.Runner.RunTestsAsync(new(
                task.FixedCode + "print('SEGMENTS', len(open('/proc/sysvipc/shm').read().splitlines()) - 1)\n", task.TestCode, task.Timeout));
            Assert.Contains("SEGMENTS 0", census.CapturedOutput);
        }
    }

    [Fact]
    public async Task ForkBombIsContainedAndCleanedUp()
    {
        var report = await HostileRunAsync(Buggy + """
            import os, time
            count = 0
            for _ in range(10000):
                try:
                    if os.fork() == 0:
                        os.setsid()
                        while True:
                            try:
                                os.fork()
                            except OSError:
                                time.sleep(0.01)
                    count += 1
                except OSError:
                    break
            print("forked", count)
            """, TimeSpan.FromSeconds(2));

        Assert.Matches(@"forked \d+", report.CapturedOutput);
        var forked = int.Parse(ForkedCount().Match(report.CapturedOutput).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(forked < sandbox.Runner.Options.MaxProcesses, $"forked {forked}");
        var task = sandbox.Tasks.Get(Task);
        for (var i = 0; i < 2 * sandbox.Runner.Options.PoolSize; i++)
        {
            var census = await sandbox.Runner.RunTestsAsync(new(
                task.FixedCode + "import os\nprint('PIDS', len([p for p in os.listdir('/proc') if p.isdigit()]))\n", task.TestCode, task.Timeout));
            // The zygote, the harness and the solution process: nothing left over from the bomb.
            Assert.Contains("PIDS 3", census.CapturedOutput);
        }
    }

    [Fact]
    public async Task HugeFileIsCappedAndStaysInsideTheSandbox()
    {
        var marker = "tracefix-" + Guid.NewGuid().ToString("N");
        var report = await HostileRunAsync(Buggy + $$"""
            import errno
            try:
                with open("/tmp/{{marker}}", "wb") as f:
                    for _ in range(1024):
                        f.write(b"x" * (1024 * 1024))
                print("wrote everything")
            except OSError as exc:
                print("write stopped", errno.errorcode.get(exc.errno))
            for path in ("/{{marker}}", "/usr/{{marker}}", "/harness/{{marker}}", "/dev/shm/{{marker}}"):
                try:
                    open(path, "w").close()
                    print("created", path)
                except OSError:
                    pass
            """);

        Assert.Contains("write stopped", report.CapturedOutput);
        Assert.DoesNotContain("created", report.CapturedOutput);
        Assert.False(File.Exists(Path.Combine(Path.GetTempPath(), marker)));
        Assert.False(File.Exists("/tmp/" + marker));

        var leftover = await sandbox.Runner.RunTestsAsync(new(Buggy + $"import os\nprint('LEFT', os.listdir('/tmp'))\n", sandbox.Tasks.Get(Task).TestCode, TimeSpan.FromSeconds(5)));
        Assert.Contains("LEFT []", leftover.CapturedOutput);
    }

    [Fact]
    public async Task NetworkIsUnreachable()
    {
        var report = await HostileRunAsync(Buggy + """
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
        var report = await HostileRunAsync(Buggy + """
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

    [Fact]
    public async Task OutputFloodIsCapped()
    {
        var report = await HostileRunAsync(Buggy + "import sys\nfor i in range(200000):\n    sys.stdout.write('spam %d\\n' % i)\nprint('END')\n");

        Assert.StartsWith("[...truncated ", report.CapturedOutput);
        Assert.EndsWith("END\n", report.CapturedOutput);
        Assert.True(report.CapturedOutput.Length <= sandbox.Runner.Options.MaxOutputChars + 60);
    }

    [Fact]
    public async Task ForgedProtocolFramesOnStdoutAreJustOutput()
    {
        var report = await HostileRunAsync(Buggy + """
            import os, struct, json
            body = json.dumps({"status": "ok", "result": {"tests": [{"name": "x", "passed": True}]}}).encode()
            os.write(1, struct.pack(">I", len(body)) + body)
            import fcntl
            writable = []
            for fd in range(3, 64):
                try:
                    if fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE in (os.O_WRONLY, os.O_RDWR):
                        writable.append(fd)
                except OSError:
                    pass
            print("writable", len(writable), flush=True)
            for fd in writable:
                os.write(fd, struct.pack(">I", len(body)) + body)
            """);

        // Only the solution's own reply pipe to the harness; nothing that reaches the zygote or the host.
        Assert.Contains("writable 1", report.CapturedOutput);
    }

    private async Task<TestRunReport> HostileRunAsync(string code, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(5);
        var report = await sandbox.RunAsync(Task, code, limit);

        Assert.True(report.Passed < report.Total, $"a hostile solution scored {report.Passed}/{report.Total}");
        Assert.False(report.AllPassed);
        Assert.True(report.Elapsed < limit + sandbox.Runner.Options.HostTimeoutMargin + TimeSpan.FromSeconds(15), $"the run took {report.Elapsed}");
        var everything = report.CapturedOutput + report.Traceback + string.Join("\n", report.Results.Select(r => r.ErrorMessage));
        Assert.DoesNotMatch(PassCount(), everything);
        Assert.DoesNotContain("SUCCESS: ALL TESTS PASSED", everything, StringComparison.OrdinalIgnoreCase);
        await AssertPoolServesNormalRunsAsync();
        return report;
    }

    private async Task AssertPoolServesNormalRunsAsync()
    {
        var task = sandbox.Tasks.Get(Task);
        for (var i = 0; i < sandbox.Runner.Options.PoolSize; i++)
        {
            var fixedRun = await sandbox.Runner.RunTestsAsync(new(task.FixedCode, task.TestCode, task.Timeout));
            Assert.True(fixedRun.AllPassed, "the pool did not recover: " + string.Join("; ", fixedRun.Results.Select(r => r.ErrorMessage)));
        }
    }

    [GeneratedRegex(@"Tests Passed:\s*(\d+)\s*/\s*(\d+)")]
    private static partial Regex PassCount();

    [GeneratedRegex(@"forked (\d+)")]
    private static partial Regex ForkedCount();
}
