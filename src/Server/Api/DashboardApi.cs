using TraceFix.Contracts.Runs;
using TraceFix.Server.Hubs;
using TraceFix.Server.Security;

namespace TraceFix.Server.Api;

public static class DashboardApi
{
    /// <summary>
    /// Every /api route and the runs hub. Reads (GET /api/*) and the hub (viewers subscribe; no hub method changes
    /// anything) are open; every write needs the operator key. Body limits are <see cref="BodyLimitMiddleware"/>'s, in Program.cs.
    /// </summary>
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var reads = app.MapViewerGroup("/api");
        var writes = app.MapOperatorGroup("/api");
        TasksApi.MapTasksApi(reads);
        ModelsApi.MapModelsApi(reads);
        RunsApi.MapRunsApi(reads, writes);
        RunTransferApi.MapRunTransferApi(reads, writes);
        ShareApi.MapShareApi(reads, writes);
        LeaderboardApi.MapLeaderboardApi(reads);
        PlayApi.MapPlayApi(writes);
        app.MapHub<RunsHub>(RunsHubMethods.Path).AllowAnonymous();
        // Unknown /api routes answer with a problem, not with the dashboard's index.html; an unknown write still needs the key.
        reads.MapMethods("/{**path}", [HttpMethods.Get, HttpMethods.Head, HttpMethods.Options], NotFound).ExcludeFromDescription();
        writes.MapMethods("/{**path}", [HttpMethods.Post, HttpMethods.Put, HttpMethods.Patch, HttpMethods.Delete], NotFound)
            .ExcludeFromDescription();
        return app;
    }

    private static IResult NotFound(string path) => ApiResults.NotFound($"no API route /api/{path}");
}
