using TraceFix.Contracts.Episodes;
using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Episodes;

/// <summary>
/// Formats a test report as <c>last_execution_output</c>. The first line is always "Tests Passed: P/T." and the success
/// marker appears only when the trusted harness counted every test as passed.
/// </summary>
internal static class TestRunOutput
{
    public static string Format(TestRunReport report, SyntaxCheck? syntax, TimeSpan limit)
    {
        var passed = Passed(report, syntax);
        var header = OutputTexts.PassCount(passed, report.Total);
        if (syntax is null && report.AllPassed)
        {
            return header + "\n\n" + OutputTexts.SuccessMarker;
        }

        var sections = new List<string>();
        if (syntax is not null)
        {
            sections.Add(syntax.Describe());
        }
        if (report.TimedOut)
        {
            sections.Add(OutputTexts.TimedOut(limit));
        }
        // With a syntax error every test fails for that one reason, which is already shown.
        var failures = syntax is null ? report.Results.Where(r => !r.Passed).ToList() : [];
        foreach (var group in failures.GroupBy(f => string.IsNullOrWhiteSpace(f.ErrorMessage) ? "failed" : f.ErrorMessage.TrimEnd()))
        {
            sections.Add($"{string.Join(", ", group.Select(f => f.TestName))}: {group.Key}");
        }
        if (AddsInformation(report.Traceback, sections, failures))
        {
            sections.Add(report.Traceback!.TrimEnd());
        }
        if (!string.IsNullOrWhiteSpace(report.CapturedOutput))
        {
            sections.Add("Captured output of your code:\n" + report.CapturedOutput.TrimEnd());
        }
        var body = sections.Count == 0 ? OutputTexts.NoTraceback : string.Join("\n\n", sections);
        return header + "\n\nTraceback:\n" + body;
    }

    /// <summary>Passing tests as the episode counts them: none while the code does not parse.</summary>
    public static int Passed(TestRunReport report, SyntaxCheck? syntax) => syntax is null ? report.Passed : 0;

    /// <summary>
    /// The runner's traceback is worth showing when it has frames of the agent's file; a one-line message that merely
    /// repeats a failing test's message (or the syntax error already shown) is left out.
    /// </summary>
    private static bool AddsInformation(string? traceback, List<string> sections, List<TestResult> failures)
    {
        if (string.IsNullOrWhiteSpace(traceback))
        {
            return false;
        }
        var text = traceback.TrimEnd();
        if (sections.Contains(text))
        {
            return false;
        }
        return text.Contains('\n') || !failures.Any(f => f.ErrorMessage is { Length: > 0 } message && text.Contains(message.TrimEnd()));
    }
}
