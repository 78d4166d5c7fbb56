using System.Globalization;
using System.Text.RegularExpressions;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// What a test run says about the fault: the pass count, each failing test's input, expected and actual value,
/// exception types, and the lines of the agent's file that tracebacks or the context anchor point at.
/// </summary>
public sealed partial record FailureEvidence(
    int Passed,
    int Total,
    bool SyntaxError,
    IReadOnlyList<TestFailure> Failures,
    IReadOnlyList<int> ErrorLines,
    IReadOnlySet<string> ExceptionTypes,
    string Output)
{
    public bool AllPass => Total > 0 && Passed == Total && !SyntaxError;

    public static FailureEvidence Read(Observation observation)
    {
        var output = observation.LastExecutionOutput ?? "";
        var signal = PassSignal.Read(output);
        var results = observation.TestResults ?? [];
        var total = signal.Total ?? results.Count;
        var passed = signal.Passed ?? results.Count(r => r.Passed);

        var failures = new List<TestFailure>();
        foreach (var result in results.Where(r => !r.Passed))
        {
            failures.Add(Describe(result.TestName, result.ErrorMessage ?? ""));
        }
        if (failures.Count == 0)
        {
            foreach (Match m in ValueMessage().Matches(output))
            {
                failures.Add(Describe(TestNameBefore(output, m.Index), m.Value));
            }
        }

        var errorLines = new List<int>();
        foreach (Match m in SyntaxLine().Matches(output))
        {
            errorLines.Add(Int(m.Groups[1].Value));
        }
        foreach (Match m in FileLine().Matches(output))
        {
            if (!m.Groups["file"].Value.Contains("test", StringComparison.OrdinalIgnoreCase))
            {
                errorLines.Add(Int(m.Groups["line"].Value));
            }
        }
        if (AnchorLine().Match(observation.LocalizedContext ?? "") is { Success: true } anchor && failures.Count > 0)
        {
            errorLines.Add(Int(anchor.Groups[1].Value));
        }

        var exceptions = ExceptionName().Matches(output).Select(m => m.Groups[1].Value)
            .Concat(failures.Select(f => f.ExceptionType).OfType<string>())
            .Where(e => e != "AssertionError")
            .ToHashSet(StringComparer.Ordinal);
        return new FailureEvidence(passed, total, observation.SyntaxError, failures, errorLines.Distinct().ToList(), exceptions, output);
    }

    private static TestFailure Describe(string testName, string message)
    {
        var values = ValueMessage().Match(message);
        var exception = ExceptionName().Match(message) is { Success: true } e ? e.Groups[1].Value : null;
        if (values.Success)
        {
            return new TestFailure(testName, message, values.Groups["input"].Value.Trim(), values.Groups["expected"].Value.Trim(), values.Groups["got"].Value.Trim(), exception);
        }
        var raised = RaisedMessage().Match(message);
        return new TestFailure(testName, message, raised.Success ? raised.Groups["input"].Value.Trim() : null, null, null, exception);
    }

    private static string TestNameBefore(string output, int index) =>
        TestName().Matches(output[..index]).LastOrDefault()?.Value ?? "";

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"input=(?<input>.*?),\s*expected=(?<expected>.*?),\s*got=(?<got>[^\n]*)")]
    private static partial Regex ValueMessage();

    [GeneratedRegex(@"input=(?<input>.*?),\s*raised\s")]
    private static partial Regex RaisedMessage();

    [GeneratedRegex(@"SyntaxError at line (\d+)")]
    private static partial Regex SyntaxLine();

    [GeneratedRegex(@"File ""(?<file>[^""]*)"", line (?<line>\d+)")]
    private static partial Regex FileLine();

    [GeneratedRegex(@"anchor ▶ line (\d+)")]
    private static partial Regex AnchorLine();

    [GeneratedRegex(@"\b([A-Z][A-Za-z]*(?:Error|Exception))\b")]
    private static partial Regex ExceptionName();

    [GeneratedRegex(@"\btest_\w+")]
    private static partial Regex TestName();
}
