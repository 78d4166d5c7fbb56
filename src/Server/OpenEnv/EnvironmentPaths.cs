namespace TraceFix.Server.OpenEnv;

/// <summary>The environment routes an agent calls once per step; request logs keep them out of the normal level.</summary>
public static class EnvironmentPaths
{
    public static bool IsPerStep(PathString path) =>
        path.Equals("/step") || path.Equals("/reset") || path.Equals("/state") || path.Equals("/ws") || path.Equals("/mcp");
}
