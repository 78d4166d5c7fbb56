using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Sandbox;

/// <summary>Turns the harness's report into a <see cref="TestRunReport"/>; every agent-influenced string is neutralised and capped.</summary>
internal static partial class ReportBuilder
{
    private const int MaxMessageChars = 2000;

    public static TestRunReport FromReply(HarnessReply? reply, string testCode, int maxOutputChars, TimeSpan timeout, TimeSpan elapsed)
    {
        if (reply is null)
        {
            return Failed(testCode, "the sandbox stopped unexpectedly", timedOut: false, elapsed);
        }
        if (reply.Status == "timeout")
        {
            return Failed(testCode, $"timed out (the run is limited to {timeout.TotalSeconds:0.##}s)", timedOut: true, elapsed);
        }
        if (reply.Status != "ok" || reply.Result is not { } report)
        {
            return Failed(testCode, "the test harness stopped unexpectedly", timedOut: false, elapsed);
        }
        var tests = report.Tests ?? [];
        if (tests.Count == 0)
        {
            var reason = report.HarnessError is { } error ? $"the test harness failed: {error}" : "no tests were run";
            return Failed(testCode, reason, report.TimedOut, elapsed) with
            {
                CapturedOutput = OutputSanitizer.Clean(report.Output ?? "", maxOutputChars, report.OutputDropped),
            };
        }
        var results = tests
            .Select(t => new TestResult(t.Name, t.Passed, t.Passed ? null : Clip(t.Message ?? "failed")))
            .ToList();
        var firstFailure = tests.FirstOrDefault(t => !t.Passed);
        var (errorLine, traceback) = report.Syntax is { } syntax
            ? (syntax.Line, Clip(syntax.ToCheck().Describe()))
            : firstFailure is null ? (null, null) : DescribeFailure(firstFailure);
        return new TestRunReport(
            Passed: results.Count(r => r.Passed),
            Total: results.Count,
            Results: results,
            CapturedOutput: OutputSanitizer.Clean(report.Output ?? "", maxOutputChars, report.OutputDropped),
            SyntaxError: report.Syntax?.ToCheck(),
            TimedOut: report.TimedOut,
            ErrorLine: errorLine,
            Traceback: traceback,
            Elapsed: elapsed);
    }

    /// <summary>A report in which every test failed for one reason (used when the harness produced no verdicts).</summary>
    public static TestRunReport Failed(string testCode, string reason, bool timedOut, TimeSpan elapsed)
    {
        var names = TestNames(testCode);
        var results = names.Select(n => new TestResult(n, false, reason)).ToList();
        return new TestRunReport(0, results.Count, results, "", null, timedOut, null, reason, elapsed);
    }

    /// <summary>Python-compile-style traceback limited to solution.py frames, or the assert message when the solution did not raise.</summary>
    private static (int? Line, string? Traceback) DescribeFailure(HarnessTest test)
    {
        if (test.Exception is not { } exception)
        {
            var message = test.Message ?? "failed";
            return (null, Clip(test.Kind == "assertion" ? "AssertionError: " + message : message));
        }
        var text = new StringBuilder();
        int? line = null;
        var frames = (exception.Frames ?? []).Select(ParseFrame).OfType<(int, string, string)>().ToList();
        if (frames.Count > 0)
        {
            text.Append("Traceback (most recent call last):\n");
            foreach (var (lineNo, function, source) in frames)
            {
                text.Append($"  File \"solution.py\", line {lineNo}, in {function}\n");
                if (source.Length > 0)
                {
                    text.Append($"    {source}\n");
                }
            }
            line = frames[^1].Item1;
        }
        text.Append(exception.Message.Length > 0 ? $"{exception.Type}: {exception.Message}" : exception.Type);
        return (line, Clip(text.ToString()));
    }

    private static (int, string, string)? ParseFrame(JsonElement frame)
    {
        if (frame.ValueKind != JsonValueKind.Array || frame.GetArrayLength() != 3)
        {
            return null;
        }
        var items = frame.EnumerateArray().ToArray();
        if (items[0].ValueKind != JsonValueKind.Number || !items[0].TryGetInt32(out var line)
            || items[1].ValueKind != JsonValueKind.String || items[2].ValueKind != JsonValueKind.String)
        {
            return null;
        }
        return (line, items[1].GetString()!, items[2].GetString()!);
    }

    private static string Clip(string text) =>
        OutputSanitizer.Neutralise(text.Length > MaxMessageChars ? text[..(MaxMessageChars - 3)] + "..." : text);

    /// <summary>Top-level test functions, in order, read from the trusted test source (for reports without verdicts).</summary>
    public static IReadOnlyList<string> TestNames(string testCode) =>
        TestDefinition().Matches(testCode).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"^(?:async\s+)?def\s+(test\w*)\s*\(", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TestDefinition();
}
