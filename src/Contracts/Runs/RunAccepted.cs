namespace TraceFix.Contracts.Runs;

/// <summary>
/// Answer of <c>POST /api/runs</c> (202 Accepted): the new run's id and where to read it; with several models, the first
/// run's, and <see cref="RunIds"/> lists every run started, in the order of the models.
/// </summary>
public sealed record RunAccepted(Guid RunId, string Url)
{
    public IReadOnlyList<Guid> RunIds { get; init; } = [RunId];
}
