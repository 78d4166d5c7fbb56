namespace TraceFix.Contracts.Runs;

/// <summary>Answer of <c>POST /api/runs</c> (202 Accepted): the new run's id and where to read it.</summary>
public sealed record RunAccepted(Guid RunId, string Url);
