using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Runs.Transfer;

/// <summary>
/// The deserializer leaves a missing or null field of an import line null even where the DTO says it cannot be; these
/// checks name such a field instead of letting the store fail on it.
/// </summary>
internal static class ImportRecordCheck
{
    public static string? Run(RunSummary run) =>
        Missing(("agentKind", run.AgentKind), ("model", run.Model), ("taskSelection", run.TaskSelection));

    public static string? Episode(EpisodeDto episode) =>
        Missing(("taskName", episode.TaskName), ("difficulty", episode.Difficulty), ("failureLabels", episode.FailureLabels),
            ("originalCode", episode.OriginalCode))
        ?? (episode.FailureLabels.Any(l => l is null) ? "failureLabels must not contain null" : null);

    public static string? Step(StepDto step) =>
        Missing(("thought", step.Thought), ("action", step.Action), ("testResults", step.TestResults), ("output", step.Output),
            ("codeSnapshot", step.CodeSnapshot))
        ?? (step.TestResults.Any(r => r is null || r.TestName is null) ? "testResults entries need a test_name" : null);

    private static string? Missing(params (string Name, object? Value)[] fields) =>
        fields.FirstOrDefault(f => f.Value is null) is { Name: { } name } ? $"{name} is required" : null;
}
