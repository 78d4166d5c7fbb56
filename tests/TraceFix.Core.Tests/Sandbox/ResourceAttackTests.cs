using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Attacks on the limits: endless loops, memory and fork bombs, SysV memory, huge files, output floods. Each runs through the real sandbox and also checks that the pool then serves normal runs (<see cref="HostileRun"/>).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ResourceAttackTests(SandboxFixture sandbox)
{
    private readonly HostileRun hostile = new(sandbox);

    [Fact]
    public async Task InfiniteLoopTimesOut()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy.Replace("def binary_search(items, target):", "def binary_search(items, target):\n    while True:\n        pass"), TimeSpan.FromSeconds(1));

        Assert.True(report.TimedOut);
        Assert.Contains("timed out", report.Results.First(r => !r.Passed).ErrorMessage);
    }

    [Fact]
    public async Task InfiniteLoopAtImportTimesOut()
    {
        var report = await hostile.RunAsync("while True:\n    pass\n" + HostileRun.Buggy, TimeSpan.FromSeconds(1));

        Assert.True(report.TimedOut);
        Assert.Equal(0, report.Passed);
    }

    [Fact]
    public async Task MemoryBombIsStopped()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + """
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
        var report = await hostile.RunAsync(HostileRun.Buggy + """
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
        var report = await hostile.RunAsync(HostileRun.Buggy + """
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
        var task = sandbox.Tasks.Get(HostileRun.Task);
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
        var report = await hostile.RunAsync(HostileRun.Buggy + """
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
        var forked = int.Parse(HostileRun.ForkedCount().Match(report.CapturedOutput).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(forked < sandbox.Runner.Options.MaxProcesses, $"forked {forked}");
        var task = sandbox.Tasks.Get(HostileRun.Task);
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
        var report = await hostile.RunAsync(HostileRun.Buggy + $$"""
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

        var leftover = await sandbox.Runner.RunTestsAsync(new(HostileRun.Buggy + $"import os\nprint('LEFT', os.listdir('/tmp'))\n", sandbox.Tasks.Get(HostileRun.Task).TestCode, TimeSpan.FromSeconds(5)));
        Assert.Contains("LEFT []", leftover.CapturedOutput);
    }

    [Fact]
    public async Task OutputFloodIsCapped()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + "import sys\nfor i in range(200000):\n    sys.stdout.write('spam %d\\n' % i)\nprint('END')\n");

        Assert.StartsWith("[...truncated ", report.CapturedOutput);
        Assert.EndsWith("END\n", report.CapturedOutput);
        Assert.True(report.CapturedOutput.Length <= sandbox.Runner.Options.MaxOutputChars + 60);
    }
}
