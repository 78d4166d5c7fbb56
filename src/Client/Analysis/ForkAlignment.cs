using TraceFix.Client.Model;
using TraceFix.Contracts.Runs;

namespace TraceFix.Client.Analysis;

/// <summary>
/// Compare of a fork with its parent: the fork's step 1 continues after the parent's step N, so the parent's steps up to N
/// (the fork's starting point, shared by both) are left out and the rest is aligned as usual.
/// </summary>
/// <param name="ParentIsLeft">Whether the left run (A) is the parent.</param>
/// <param name="ForkStep">The parent's step the fork started after.</param>
/// <param name="ParentEpisodeIndex">The parent's episode the fork started in (0-based).</param>
public sealed record ForkAlignment(bool ParentIsLeft, int ForkStep, int ParentEpisodeIndex)
{
    /// <summary>The fork relation between two runs, or null when neither forked from the other.</summary>
    public static ForkAlignment? Between(RunSummary left, RunSummary right) =>
        right.ForkedFrom is { } r && r.RunId == left.Id ? new ForkAlignment(true, r.StepIndex, r.EpisodeIndex)
        : left.ForkedFrom is { } l && l.RunId == right.Id ? new ForkAlignment(false, l.StepIndex, l.EpisodeIndex)
        : null;

    /// <summary>The parent's steps after the fork point.</summary>
    public IReadOnlyList<StepView> ParentStepsAfter(EpisodeView parent) => [.. parent.Steps.Where(s => s.Number > ForkStep)];

    public Alignment Align(EpisodeView left, EpisodeView right) => ParentIsLeft
        ? StepAligner.Align(ParentStepsAfter(left), right.Steps)
        : StepAligner.Align(left.Steps, ParentStepsAfter(right));

    public string Describe() => ParentIsLeft
        ? $"B forked from A after A's step {ForkStep}: rows start at A's step {ForkStep + 1} and B's step 1."
        : $"A forked from B after B's step {ForkStep}: rows start at A's step 1 and B's step {ForkStep + 1}.";
}
