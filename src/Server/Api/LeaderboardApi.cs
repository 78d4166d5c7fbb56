using Microsoft.AspNetCore.Http.HttpResults;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Api;

/// <summary><c>/api/leaderboard</c>: finished episodes per task × agent/model (solve rate, mean steps, mean score, mean tokens).</summary>
public static class LeaderboardApi
{
    public static IEndpointRouteBuilder MapLeaderboardApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/leaderboard", Get).WithTags("Leaderboard");
        return app;
    }

    private static async Task<Ok<IReadOnlyList<LeaderboardRow>>> Get(string? agent, string? difficulty, RunStore store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.LeaderboardAsync(agent?.Trim(), difficulty?.Trim().ToLowerInvariant(), cancellationToken));
}
