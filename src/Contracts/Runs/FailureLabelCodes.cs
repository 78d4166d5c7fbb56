namespace TraceFix.Contracts.Runs;

/// <summary>
/// The one failure-label vocabulary: the server attaches these codes to unsolved episodes (<see cref="EpisodeDto.FailureLabels"/>)
/// and the dashboard shows their titles. A code not listed here (from a newer server or an import) is shown as it is.
/// </summary>
public static class FailureLabelCodes
{
    public const string KillSwitch = "kill_switch";
    public const string AgentStopped = "agent_stopped";
    public const string BudgetExhausted = "budget_exhausted";
    public const string ParseError = "parse_error";
    public const string InvalidAction = "invalid_action";
    public const string SyntaxError = "syntax_error";
    public const string TestsFailing = "tests_failing";
    public const string SubmittedFailing = "submitted_failing";
    public const string Looped = "looped";
    public const string NotSubmitted = "not_submitted";
    public const string Cancelled = "cancelled";
    public const string Error = "error";

    /// <summary>The same action (type, lines and code) this many times in a row is a loop.</summary>
    public const int LoopThreshold = 3;

    private static readonly Dictionary<string, (string Title, string Detail)> Texts = new(StringComparer.Ordinal)
    {
        [KillSwitch] = ("Kill switch", "The agent's kill switch stopped the episode."),
        [AgentStopped] = ("Agent stopped", "The agent gave up before the episode ended."),
        [BudgetExhausted] = ("Hit the step limit", "The episode used its whole step budget without submitting."),
        [ParseError] = ("Unparseable answer", "An answer of the model could not be read as an action."),
        [InvalidAction] = ("Invalid action", "An action did not fit the state (line out of range, nothing to undo…)."),
        [SyntaxError] = ("Syntax error left in", "The final code does not parse."),
        [TestsFailing] = ("Tests still failing", "The last test run did not pass everything."),
        [SubmittedFailing] = ("Submitted with failing tests", "SUBMIT while tests were failing."),
        [Looped] = ("Looped", $"The same action {LoopThreshold} or more times in a row."),
        [NotSubmitted] = ("Not submitted", "The episode ended without a SUBMIT."),
        [Cancelled] = ("Cancelled", "The run was cancelled."),
        [Error] = ("Error", "The episode failed with an error."),
    };

    public static IReadOnlyCollection<string> All => Texts.Keys;

    /// <summary>A short title for a badge; an unknown code becomes readable words.</summary>
    public static string Title(string code) => Texts.TryGetValue(code, out var text) ? text.Title : code.Replace('_', ' ');

    /// <summary>The sentence for a tooltip.</summary>
    public static string Detail(string code) => Texts.TryGetValue(code, out var text) ? text.Detail : code.Replace('_', ' ');
}
