using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Sandbox;

/// <summary>
/// The verdict of one test run. Pass counts come only from the trusted harness; <see cref="CapturedOutput"/> is what the
/// agent's code printed (capped, with the pass markers neutralised) and is never parsed for verdicts.
/// </summary>
public sealed record TestRunReport(
    int Passed,
    int Total,
    IReadOnlyList<TestResult> Results,
    string CapturedOutput,
    SyntaxCheck? SyntaxError,
    bool TimedOut,
    int? ErrorLine,
    string? Traceback,
    TimeSpan Elapsed)
{
    public bool AllPassed => Total > 0 && Passed == Total && SyntaxError is null && !TimedOut;
}
