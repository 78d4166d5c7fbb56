using TraceFix.Core.Sandbox;

namespace TraceFix.Core.Environment;

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
        foreach (var failed in report.Results.Where(r => !r.Passed))
        {
            sections.Add(string.IsNullOrWhiteSpace(failed.ErrorMessage)
                ? $"{failed.TestName}: failed"
                : $"{failed.TestName}: {failed.ErrorMessage.TrimEnd()}");
        }
        AddIfPresent(sections, report.Traceback);
        if (!string.IsNullOrWhiteSpace(report.CapturedOutput))
        {
            sections.Add("Captured output of your code:\n" + report.CapturedOutput.TrimEnd());
        }
        var body = sections.Count == 0 ? OutputTexts.NoTraceback : string.Join("\n\n", sections);
        return header + "\n\nTraceback:\n" + body;
    }

    /// <summary>Passing tests as the episode counts them: none while the code does not parse.</summary>
    public static int Passed(TestRunReport report, SyntaxCheck? syntax) => syntax is null ? report.Passed : 0;

    private static void AddIfPresent(List<string> sections, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text) && !sections.Contains(text.TrimEnd()))
        {
            sections.Add(text.TrimEnd());
        }
    }
}
