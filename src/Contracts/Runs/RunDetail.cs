namespace TraceFix.Contracts.Runs;

/// <summary>A run with all its episodes and their steps (<c>GET /api/runs/{id}</c>).</summary>
public sealed record RunDetail(RunSummary Run, IReadOnlyList<EpisodeDto> Episodes);
