namespace TraceFix.Server.Environment.Sessions;

public enum SessionKind
{
    WebSocket,
    Http,

    /// <summary>Opened over /mcp (JSON-RPC or MCP Streamable HTTP).</summary>
    Mcp,
}
