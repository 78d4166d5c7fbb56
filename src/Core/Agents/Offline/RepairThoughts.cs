using System.Globalization;
using TraceFix.Contracts.Episodes;

namespace TraceFix.Core.Agents.Offline;

/// <summary>
/// The offline agent's reasoning in the Observation / Diagnosis / Plan form the LLM policy uses. Helpers named after
/// an event return only the observation sentence; the others return a whole thought.
/// </summary>
internal static class RepairThoughts
{
    public static string Compose(string observation, string diagnosis, string plan) =>
        $"Observation: {observation} Diagnosis: {diagnosis} Plan: {plan}";

    public static string Opening(int lineCount) => Compose(
        $"a new episode with a {lineCount}-line file and no test evidence yet.",
        "nothing can be localised before the hidden tests have been run once.",
        "run the tests to get the pass count, the failing values and any traceback.");

    public static string FirstRun(FailureEvidence evidence, IReadOnlyList<string> findings)
    {
        var text = $"{Count(evidence)}.{Failure(evidence)}";
        return findings.Count == 0 ? text : $"{text} This suggests that {string.Join("; ", findings)}.";
    }

    public static string Kept(RepairCandidate candidate, int before, FailureEvidence evidence) =>
        $"the edit of {Span(candidate)} ({candidate.Operator}) raised the pass count from {before} to {evidence.Passed}/{evidence.Total}, so it stays.{Failure(evidence)}";

    public static string Rejected(RepairCandidate? candidate, int basePassed, FailureEvidence evidence) => candidate is null
        ? $"{Count(evidence)}.{Failure(evidence)}"
        : $"the edit of {Span(candidate)} ({candidate.Operator}) left {evidence.Passed}/{evidence.Total} passing{(evidence.SyntaxError ? " with a syntax error" : "")}, not more than the {basePassed} before it, so it is dropped.";

    public static string EditBroke(RepairCandidate? candidate, string? reason) =>
        $"the edit of {(candidate is null ? "the file" : Span(candidate))} failed: {reason}.";

    public static string Verify(RepairCandidate? candidate) => Compose(
        candidate is null ? "the file was edited." : $"{Span(candidate)} now reads: {Quote(candidate.NewLines)}.",
        "an edit is only worth keeping if the tests say so.",
        "run the tests and compare the pass count with the best so far.");

    public static string Try(string observed, RepairCandidate candidate, PlannedEdit plan, int basePassed, bool revertsPrevious, bool backedUp) => Compose(
        observed + (backedUp ? " The last kept edit has stopped paying off, so the search backs up to the version before it." : ""),
        $"{candidate.Rationale} (rank score {candidate.Score.ToString("0.###", CultureInfo.InvariantCulture)}).",
        $"{(revertsPrevious ? "revert what is not kept and, in the same edit, " : "")}replace lines {plan.Start}-{plan.End} so that {Span(candidate)} reads {Quote(candidate.NewLines)}; then run the tests and keep it only if more than {basePassed} pass.");

    public static string Exhausted(string observed) => $"{observed} Every ranked candidate has been tried.";

    public static string RestoreBest(string observed, FailureEvidence best, int remaining) => Compose(
        observed,
        $"{remaining} steps remain, too few for another try, and the file differs from the best version found ({best.Passed}/{best.Total} passing).",
        "rewrite the differing lines back to the best version, then submit.");

    public static string Undo(string observed, RepairCandidate failed, RepairCandidate? next) => Compose(
        observed,
        $"the edit of {Span(failed)} did not help and has to go before anything else is tried.",
        next is null ? "undo it; no untried candidate is left after that." : $"undo it, then try {Span(next)} ({next.Operator}).");

    public static string Submit(FailureEvidence evidence, RepairCandidate? last, int kept) => Compose(
        $"{Count(evidence)} and the success marker is present{(last is null ? "" : $" after the edit of {Span(last)}")}.",
        $"the {kept} kept edit{(kept == 1 ? "" : "s")} repaired the fault; nothing fails any more.",
        "submit now.");

    public static string WindDown(string observed, FailureEvidence? baseline, int remaining) => Compose(
        observed,
        $"only {remaining} steps remain, too few to try another repair.",
        $"submit the best version found ({baseline?.Passed ?? 0}/{baseline?.Total ?? 0} passing).");

    public static string BreakRepeat(CodeAction blocked) => Compose(
        $"the next action would be a third {blocked.ActionType} in a row.",
        "repeating one action type three times ends the episode, and fresh evidence costs only one step.",
        "run the tests instead.");

    private static string Count(FailureEvidence evidence) => evidence.SyntaxError
        ? $"Tests Passed: {evidence.Passed}/{evidence.Total} and the file has a syntax error"
        : $"Tests Passed: {evidence.Passed}/{evidence.Total}";

    private static string Failure(FailureEvidence evidence)
    {
        var first = evidence.Failures.FirstOrDefault();
        if (first is null)
        {
            return evidence.ErrorLines.Count > 0 ? $" The traceback points at line {evidence.ErrorLines[0]}." : "";
        }
        var detail = first.Got is not null
            ? $"{first.Input} gave {first.Got} instead of {first.Expected}"
            : Short(first.Message);
        var lines = evidence.ErrorLines.Count > 0 ? $"; the traceback points at line {evidence.ErrorLines[0]}" : "";
        return $" {evidence.Failures.Count} test{(evidence.Failures.Count == 1 ? "" : "s")} fail, e.g. {first.TestName}: {detail}{lines}.";
    }

    private static string Span(RepairCandidate candidate) => candidate.StartLine == candidate.EndLine
        ? $"line {candidate.StartLine}"
        : $"lines {candidate.StartLine}-{candidate.EndLine}";

    private static string Quote(IReadOnlyList<string> lines) => "`" + string.Join(" / ", lines.Select(l => l.Trim())) + "`";

    private static string Short(string text)
    {
        var flat = text.ReplaceLineEndings(" ").Trim();
        return flat.Length <= 160 ? flat : flat[..157] + "...";
    }
}
