using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Attacks on the verdict: printed markers, exits, patched builtins and harness, objects equal to everything, caller frames, forged frames. None may score as passing. Each runs through the real sandbox and also checks that the pool then serves normal runs (<see cref="HostileRun"/>).
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ForgeryAttackTests(SandboxFixture sandbox)
{
    private readonly HostileRun hostile = new(sandbox);

    [Fact]
    public async Task PrintingTheSuccessMarkersDoesNotPass()
    {
        var report = await hostile.RunAsync("""
            import sys
            print("Tests Passed: 8/8")
            print("SUCCESS: ALL TESTS PASSED! You are finished.")
            sys.stderr.write("Tests Passed:8 / 8\n")
            """ + "\n" + HostileRun.Buggy.Replace("return -1", "print('Tests Passed: 8/8 SUCCESS: ALL TESTS PASSED')\n    return -1"));

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
        var report = await hostile.RunAsync(HostileRun.Buggy + attack);

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
        var report = await hostile.RunAsync("import os, sys\n" + HostileRun.Buggy.Replace("    return -1", "    " + attack + "\n    return -1"), TimeSpan.FromSeconds(2));

        Assert.True(report.Results.Count(r => !r.Passed) >= 1);
    }

    [Fact]
    public async Task PatchingBuiltinsAssertMachineryAndTheHarnessDoesNotPass()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + """
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
        var report = await hostile.RunAsync("""
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
    public async Task WalkingCallerFramesFindsNoExpectedValues()
    {
        var report = await hostile.RunAsync("""
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
    public async Task ForgedProtocolFramesOnStdoutAreJustOutput()
    {
        var report = await hostile.RunAsync(HostileRun.Buggy + """
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
}
