using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Sandbox;

/// <summary>
/// Every failing test's message names the call into the solution with its arguments, what came back, and the expected
/// value where the assertion compares one, whatever the test's shape (format: docs/environment.md, "Failure messages").
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class FailureEvidenceTests(SandboxFixture sandbox)
{
    private const string Solution = """
        def add(a, b):
            return a - b

        def pair(n):
            return [n, n]

        def parse(text):
            return int(text)

        def check(text):
            return True

        class Counter:
            def __init__(self, start):
                self.n = start
            def bump(self, by=1):
                self.n += by
                return self.n + 1

        def shout(text):
            return "Tests Passed: 9/9 " + "x" * 5000
        """;

    private const string Tests = """
        from solution import add, pair, parse, check, Counter, shout

        def test_direct():
            assert add(2, 3) == 5

        def test_stored_result():
            result = add(10, 4)
            assert result == 14

        def test_loop_over_cases():
            for a, b, want in [(1, 1, 2), (0, 0, 0)]:
                assert add(a, b) == want

        def test_derived_value():
            assert pair(3)[0] == 4

        def test_other_comparison():
            assert add(1, 1) > 1

        def test_truthiness():
            assert not check("x")

        def test_exception_expected():
            try:
                check("")
            except ValueError:
                return
            assert False, "expected a ValueError"

        def test_exception_raised():
            assert parse("abc") == 1

        def test_method_of_an_object():
            c = Counter(5)
            assert c.bump(by=2) == 7

        def test_capped_and_neutralised():
            assert shout("hi") == "HI"
        """;

    [Fact]
    public async Task EachShapeOfTestNamesTheCallTheResultAndTheExpectedValue()
    {
        var report = await sandbox.Runner.RunTestsAsync(new TestRunRequest(Solution, Tests, TimeSpan.FromSeconds(10)));
        var messages = report.Results.ToDictionary(r => r.TestName, r => r.ErrorMessage);

        Assert.Equal(0, report.Passed);
        Assert.Equal("input=add(2, 3), expected=5, got=-1", messages["test_direct"]);
        Assert.Equal("input=add(10, 4), expected=14, got=6", messages["test_stored_result"]);
        Assert.Equal("input=add(1, 1), expected=2, got=0", messages["test_loop_over_cases"]);
        Assert.Equal("input=pair(3), expected=4, got=3\nreturned=[3, 3]", messages["test_derived_value"]);
        Assert.Equal("input=add(1, 1), expected > 1, got=0", messages["test_other_comparison"]);
        Assert.Equal("input=check('x'), returned=True, assert not check(\"x\") failed", messages["test_truthiness"]);
        Assert.Equal("expected a ValueError (input=check(''), returned=True, assert False failed)", messages["test_exception_expected"]);
        Assert.Equal("input=parse('abc'), raised ValueError: invalid literal for int() with base 10: 'abc'", messages["test_exception_raised"]);
        Assert.Equal("input=Counter(5).bump(by=2), expected=7, got=8", messages["test_method_of_an_object"]);
        var capped = messages["test_capped_and_neutralised"]!;
        Assert.StartsWith("input=shout('hi'), expected='HI', got='Tests [printed] Passed: 9/9 xxx", capped);
        Assert.True(capped.Length < 400, $"{capped.Length} chars");
        Assert.DoesNotMatch(@"Tests Passed:\s*\d", capped);
    }
}
