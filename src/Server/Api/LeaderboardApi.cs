using Microsoft.AspNetCore.Http.HttpResults;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Store;

namespace TraceFix.Server.Api;

/// <summary><c>/api/leaderboard</c>: finished episodes per task × agent/model (solve rate, mean steps, mean score, mean tokens).</summary>
public static class LeaderboardApi
{
    /// <summary>Reads only, on <paramref name="reads"/> (under /api).</summary>
    public static void MapLeaderboardApi(IEndpointRouteBuilder reads)
    {
        reads.MapGet("/leaderboard", Get).WithTags("Leaderboard");
    }

    private static async Task<Ok<IReadOnlyList<LeaderboardRow>>> Get(string? agent, string? difficulty, RunStore store,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.LeaderboardAsync(agent?.Trim(), difficulty?.Trim().ToLowerInvariant(), cancellationToken));
}
