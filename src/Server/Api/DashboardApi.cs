using TraceFix.Contracts.Runs;
using TraceFix.Server.Hubs;

namespace TraceFix.Server.Api;

public static class DashboardApi
{
    /// <summary>Every /api route, the runs hub, and the request body limits in front of them.</summary>
    public static WebApplication MapDashboardApi(this WebApplication app)
    {
        app.UseMiddleware<BodyLimitMiddleware>();
        app.MapTasksApi();
        app.MapRunsApi();
        app.MapRunTransferApi();
        app.MapLeaderboardApi();
        app.MapPlayApi();
        app.MapHub<RunsHub>(RunsHubMethods.Path);
        // Unknown /api routes answer with a problem, not with the dashboard's index.html.
        app.Map("/api/{**path}", (string path) => ApiResults.NotFound($"no API route /api/{path}")).ExcludeFromDescription();
        return app;
    }
}
