namespace TraceFix.Server.Hubs;

internal static class RunGroups
{
    public const string AllRuns = "runs";

    public static string Run(Guid runId) => $"run:{runId:N}";
}
