using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Attacks on the path by which tests lend their own objects to the solution: reaching the tests' globals, the harness or
/// other objects through a lent object, forged handles, swallowing the tests' own assertions, endless callback recursion.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class LentObjectAttackTests(SandboxFixture sandbox)
{
    private const string Tests = """
        import json
        from solution import inspect, answer

        EXPECTED = 42

        class Box:
            tool = json

            def __init__(self, value):
                self.value = value
                self.items = [value]

            def check(self, got):
                assert got == EXPECTED, "the solution computed the wrong value"
                return "ok"

            def again(self, n):
                return answer(self, n)

        def test_inspect():
            assert inspect(Box(1), lambda: EXPECTED) == "nothing"

        def test_answer():
            assert answer(Box(1), 0) == EXPECTED
        """;

    private static string Run(string code) => code + "\n";

    [Fact]
    public async Task ALentObjectLeadsNowhereButItsOwnAttributes()
    {
        var report = await RunAsync("""
            def inspect(box, fn):
                server = object.__getattribute__(box, "_tf_server")
                hid = object.__getattribute__(box, "_tf_hid")
                for target in (box, fn):
                    th = object.__getattribute__(target, "_tf_hid")
                    for name in ("__class__", "__dict__", "__globals__", "__init__", "__module__", "__closure__", "__code__",
                                 "__reduce_ex__", "__getattribute__", "__subclasses__", "__builtins__"):
                        try:
                            got = server.callback("getattr", th, {"n": name})
                            print("BREACH read", name, repr(got)[:80], flush=True)
                        except Exception:
                            pass
                for path in ("tool", "check"):
                    try:
                        got = getattr(box, path)
                        if path == "tool":
                            print("BREACH got a module", got, flush=True)
                    except Exception:
                        pass
                try:
                    box.check.__func__
                    print("BREACH reached a function behind a method", flush=True)
                except Exception:
                    pass
                try:
                    print("BREACH called the tests", fn(), flush=True)  # a value the tests chose to hand over is fine...
                except Exception:
                    pass
                return "nothing"

            def answer(box, n):
                return 41
            """);

        Assert.DoesNotContain("BREACH read", report.CapturedOutput);
        Assert.DoesNotContain("BREACH got a module", report.CapturedOutput);
        Assert.DoesNotContain("BREACH reached", report.CapturedOutput);
        Assert.Contains("BREACH called the tests 42", report.CapturedOutput); // ...and proves callbacks work at all
    }

    [Fact]
    public async Task SwallowingTheTestsOwnAssertionDoesNotPass()
    {
        var report = await RunAsync("""
            def inspect(box, fn):
                return "nothing"

            def answer(box, n):
                try:
                    box.check(41)
                except BaseException as exc:
                    print("CAUGHT", type(exc).__name__, repr(str(exc)))
                return 42
            """);

        var failure = report.Results.Single(r => r.TestName == "test_answer");
        Assert.False(failure.Passed);
        Assert.StartsWith("an assertion of the tests failed while the solution was calling their code", failure.ErrorMessage);
        // The solution learns only that an AssertionError happened, never its message (which names the expected value).
        Assert.Contains("CAUGHT AssertionError ''", report.CapturedOutput);
        Assert.DoesNotContain("42", report.CapturedOutput);
    }

    [Fact]
    public async Task ForgedHandlesAndEndlessRecursionFailTheTest()
    {
        var report = await RunAsync("""
            def inspect(box, fn):
                server = object.__getattribute__(box, "_tf_server")
                for hid in range(0, 50):
                    try:
                        server.callback("call", hid, {"a": [], "k": {}})
                    except Exception:
                        pass
                return "nothing"

            def answer(box, n):
                return box.again(n + 1)
            """);

        Assert.Equal(0, report.Passed);
    }

    private async Task<TestRunReport> RunAsync(string solution)
    {
        var report = await sandbox.Runner.RunTestsAsync(new TestRunRequest(Run(solution), Tests, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(5)));
        Assert.True(report.Passed < report.Total, $"scored {report.Passed}/{report.Total}");
        await new HostileRun(sandbox).AssertPoolServesNormalRunsAsync();
        return report;
    }
}
