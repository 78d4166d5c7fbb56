namespace TraceFix.Server.Security;

/// <summary>
/// Which requests need the operator key. Deny by default for writes: every unsafe method (anything but GET, HEAD,
/// OPTIONS) needs it, except SignalR's negotiate on the read-only runs hub; the environment routes need it for every
/// method, since /state and the /ws upgrade are GETs. /health, /metadata, /schema, /docs and GET /api/* stay open.
/// </summary>
public static class ProtectedRoutes
{
    private static readonly PathString[] EnvironmentPaths = ["/reset", "/step", "/state", "/ws", "/sessions", "/mcp"];

    public static bool RequiresKey(HttpRequest request)
    {
        foreach (var path in EnvironmentPaths)
        {
            if (request.Path.StartsWithSegments(path, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method))
        {
            return false;
        }
        // The hub only offers subscriptions (no method changes anything), so viewers connect without the key.
        return !request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Requests counted by the run-start rate limit: starting a run, importing one, starting manual play.</summary>
    public static bool IsRunStart(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && (IsExactly(request.Path, "/api/runs") || IsExactly(request.Path, "/api/runs/import") || IsExactly(request.Path, "/api/play"));

    private static bool IsExactly(PathString path, string expected) =>
        path.Equals(expected, StringComparison.OrdinalIgnoreCase) || path.Equals(expected + "/", StringComparison.OrdinalIgnoreCase);
}
