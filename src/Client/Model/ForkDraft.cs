using System.Globalization;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Model;

/// <summary>A fork the New run form is opened with: the parent's step, its number there, and the parent's step budget.</summary>
public sealed record ForkDraft(Guid RunId, long Sequence, int StepNumber, int Budget)
{
    public ForkPoint Point => new(RunId, Sequence);

    /// <summary>The runs page with the New run form prefilled to fork from <paramref name="step"/>.</summary>
    public static string Href(RunSummary run, StepView step) => string.Create(CultureInfo.InvariantCulture,
        $"runs?fork={run.Id}&at={step.Sequence}&forkStep={step.Number}&budget={run.MaxSteps}");

    /// <summary>The draft behind the runs page's query, or null when it names no complete fork.</summary>
    public static ForkDraft? From(Guid? runId, long? sequence, int? stepNumber, int? budget) =>
        runId is { } id && sequence is > 0 and { } at ? new ForkDraft(id, at, stepNumber ?? (int)at, budget ?? 50) : null;
}
