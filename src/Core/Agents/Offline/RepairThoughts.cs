using System.Globalization;

namespace TraceFix.Core.Agents.Offline;

/// <summary>The agent's Observation / Diagnosis / Plan texts: deterministic, built only from what it saw and decided.</summary>
public static class RepairThoughts
{
    public static string Compose(string observation, string diagnosis, string plan) =>
        $"Observation: {observation} Diagnosis: {diagnosis} Plan: {plan}";

    public static string Opening(int lineCount) => Compose(
        $"a new episode with a {lineCount}-line file and no test evidence yet.",
        "nothing can be localised before the hidden tests have been run once.",
        "run the tests to get the pass count, the failing calls with their expected and actual values, and any traceback.");

    public static string Run(int passed, int total, string? verdict) =>
        $"{passed}/{total} tests pass{(verdict is null ? "" : "; " + verdict)}.";

    public static string Evidence(EngineReply reply)
    {
        if (reply.Error is not null)
        {
            return $"the local repair engine gave no answer ({reply.Error}), so there is no local evidence this step.";
        }
        var where = reply.Suspicious.Count == 0 ? "" : " Most suspicious lines: " + string.Join(", ",
            reply.Suspicious.Take(3).Select(s => $"{(int)s[0]} ({s[1].ToString("0.00", CultureInfo.InvariantCulture)})")) + ".";
        if (!reply.Oracle)
        {
            return $"none of the {reply.Examples} failing input(s) can be replayed outside the hidden tests, so candidates are ranked by "
                + $"suspiciousness and kind alone ({reply.Edits} edits considered).{where}";
        }
        var example = reply.Evidence.Count > 0 ? $" e.g. {reply.Evidence[0]}." : "";
        return $"{reply.Failing} failing and {reply.Passing} passing example(s) replayed locally from the test output;{example}{where} "
            + $"{reply.Evaluated} of {reply.Edits} single edits (and pairs once singles run out) checked against them so far.";
    }

    public static string Try(string observed, EngineCandidate candidate, PlannedEdit plan, int basePassed)
    {
        var why = candidate.Plausible
            ? $"it makes all {candidate.Failing} replayed failing example(s) pass without breaking a passing one"
            : candidate.Blind
                ? "it is the best-ranked untried edit at the suspicious lines"
                : $"it fixes {candidate.Fixed} of {candidate.Failing} replayed failing example(s) without breaking a passing one";
        return Compose(observed, $"candidate at line {candidate.Line}: {candidate.Description} ({candidate.Kind}); {why}.",
            $"replace lines {plan.Start}-{plan.End} with {plan.Block.Count} line(s), then run the tests; keep it if more than {basePassed} test(s) pass, otherwise build the next candidate on the kept version.");
    }

    public static string Search(string observed, EngineReply reply) => Compose(observed,
        "no candidate has been confirmed locally yet and the search is not finished.",
        "spend this step on another slice of local search (the file is not changed).");

    public static string BackUp(string observed, int passed) => Compose(observed,
        "no candidate is left on top of the kept version, so keeping it was a dead end.",
        $"search again from the version before it ({passed} tests), with every example learnt since.");

    public static string Submit(int passed, int total) => Compose(
        $"{passed}/{total} tests pass.", "the current code passes every hidden test.", "submit.");

    public static string WindDown(string observed, int bestPassed, int total, int remaining, bool restore) => Compose(observed,
        remaining <= 2 ? $"only {remaining} step(s) remain." : "no untried candidate is left.",
        restore ? $"put back the best version seen ({bestPassed}/{total} tests), then submit." : $"submit the best version seen ({bestPassed}/{total} tests).");

    public static string EditRefused(string why) => $"the edit was not applied ({why}).";
}
