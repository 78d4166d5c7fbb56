using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Tests.Episodes;

public sealed class TestRunOutputTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    private static TestRunReport Report(IReadOnlyList<TestResult> results, string output = "", string? traceback = null, bool timedOut = false) =>
        new(results.Count(r => r.Passed), results.Count, results, output, null, timedOut, null, traceback, TimeSpan.Zero);

    [Fact]
    public void Format_AllPassed_CarriesBothMarkers()
    {
        var text = TestRunOutput.Format(Report([new("test_a", true, null), new("test_b", true, null)]), null, Limit);

        Assert.Equal("Tests Passed: 2/2.\n\nSUCCESS: ALL TESTS PASSED! You are finished. You MUST now use the SUBMIT action.", text);
    }

    [Fact]
    public void Format_Failures_ListsMessagesTracebackAndOutput()
    {
        var report = Report(
            [new("test_a", true, null), new("test_b", false, "input=[1], expected=1, got=0")],
            output: "debug 1\n",
            traceback: "Traceback (most recent call last):\n  File \"solution.py\", line 4, in f\n    return x[0]\nIndexError: list index out of range");

        var text = TestRunOutput.Format(report, null, Limit);

        Assert.Equal(
            "Tests Passed: 1/2.\n\nTraceback:\ntest_b: input=[1], expected=1, got=0\n\n" +
            "Traceback (most recent call last):\n  File \"solution.py\", line 4, in f\n    return x[0]\nIndexError: list index out of range\n\n" +
            "Captured output of your code:\ndebug 1",
            text);
    }

    [Fact]
    public void Format_OneLineTracebackRepeatingAMessage_IsLeftOut()
    {
        var report = Report([new("test_b", false, "input=3, expected=6, got=3")], traceback: "AssertionError: input=3, expected=6, got=3");

        var text = TestRunOutput.Format(report, null, Limit);

        Assert.Equal("Tests Passed: 0/1.\n\nTraceback:\ntest_b: input=3, expected=6, got=3", text);
    }

    [Fact]
    public void Format_NothingToShow_SaysNoTraceback()
    {
        var text = TestRunOutput.Format(Report([]), null, Limit);

        Assert.Equal("Tests Passed: 0/0.\n\nTraceback:\nNo traceback available.", text);
    }

    [Fact]
    public void Format_SyntaxError_CountsNoPassesAndShowsTheError()
    {
        var syntax = new SyntaxCheck(3, "expected ':'", "if x");
        var report = Report([new("test_a", true, null)]);

        var text = TestRunOutput.Format(report, syntax, Limit);

        Assert.Equal("Tests Passed: 0/1.\n\nTraceback:\nSyntaxError at line 3: expected ':'\n  >> if x", text);
    }

    [Fact]
    public void Format_Timeout_NamesTheLimit()
    {
        var report = Report([new("test_a", false, "timed out")], timedOut: true);

        var text = TestRunOutput.Format(report, null, TimeSpan.FromSeconds(2.5));

        Assert.StartsWith("Tests Passed: 0/1.\n\nTraceback:\n⏱ Execution timed out after 2.5s. ", text);
    }

    [Fact]
    public void Format_SameMessageForSeveralTests_IsShownOnce()
    {
        var report = Report([new("test_a", false, "boom"), new("test_b", true, null), new("test_c", false, "boom"), new("test_d", false, "other")]);

        var text = TestRunOutput.Format(report, null, Limit);

        Assert.Equal("Tests Passed: 1/4.\n\nTraceback:\ntest_a, test_c: boom\n\ntest_d: other", text);
    }

    [Fact]
    public void Format_SyntaxError_DoesNotRepeatItPerTest()
    {
        var syntax = new SyntaxCheck(1, "invalid syntax", "def (");
        var report = Report([new("test_a", false, "SyntaxError at line 1: invalid syntax"), new("test_b", false, "SyntaxError at line 1: invalid syntax")]);

        var text = TestRunOutput.Format(report, syntax, Limit);

        Assert.Equal("Tests Passed: 0/2.\n\nTraceback:\nSyntaxError at line 1: invalid syntax\n  >> def (", text);
    }
}
