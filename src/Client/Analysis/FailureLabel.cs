namespace TraceFix.Client.Analysis;

/// <summary>Why an episode went wrong, as a short tag with a sentence for the tooltip.</summary>
public sealed record FailureLabel(string Code, string Title, string Detail)
{
    public static FailureLabel SubmittedFailing(int passed, int total) =>
        new("submitted-failing", "Submitted with failing tests", $"SUBMIT with {passed}/{total} tests passing.");

    public static FailureLabel Looped(string action, int times) =>
        new("looped", "Looped", $"{action} repeated {times} times in a row.");

    public static FailureLabel StepLimit(int steps) =>
        new("step-limit", "Hit the step limit", $"Stopped after {steps} steps without a solve.");

    public static FailureLabel SyntaxErrorLeft() =>
        new("syntax-error", "Syntax error left in", "The final code does not parse.");

    public static FailureLabel KillSwitch(string reason) =>
        new("kill-switch", "Kill switch", reason);

    public static FailureLabel ParseError() =>
        new("parse-error", "Unparseable answer", "The agent's answer could not be read as an action.");

    public static FailureLabel TestsFailing() =>
        new("tests-failing", "Tests still failing", "The episode ended with failing tests.");
}
