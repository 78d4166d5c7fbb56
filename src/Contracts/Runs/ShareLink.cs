namespace TraceFix.Contracts.Runs;

/// <summary>Body of <c>POST /api/runs/{id}/share</c>: how long the link lives (hours, 1..720; default 168 = a week).</summary>
public sealed record ShareRequest(int? ExpiresInHours = null)
{
    public const int DefaultHours = 168;
    public const int MaxHours = 720;
}

/// <summary>A read-only link to a run. <see cref="Url"/> is relative to the dashboard (e.g. <c>/shared/CfDJ8…</c>).</summary>
public sealed record ShareLink(Guid Id, Guid RunId, string Url, DateTimeOffset ExpiresAt);

/// <summary>What <c>GET /api/shared/{token}</c> answers for a valid link: the run it opens, read-only.</summary>
public sealed record SharedRun(Guid RunId, Guid LinkId, DateTimeOffset ExpiresAt);
