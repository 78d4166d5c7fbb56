namespace TraceFix.Server.Mcp;

/// <summary>
/// Which session a JSON-RPC request may use: <see cref="Bound"/> for a WebSocket (the connection's own session, which
/// wins), <see cref="FromHeader"/> for an HTTP request whose <c>Mcp-Session-Id</c> named one. A <c>session_id</c>
/// param (OpenEnv's way) is looked up by the dispatcher.
/// </summary>
public sealed record McpCallContext(McpSession? Bound, McpSession? FromHeader)
{
    public static McpCallContext Http(McpSession? fromHeader) => new(null, fromHeader);

    public static McpCallContext Socket(McpSession bound) => new(bound, null);
}
