namespace TraceFix.Server.OpenEnv.Sessions;

public enum SessionKind
{
    WebSocket,
    Http,

    /// <summary>Opened over /mcp (JSON-RPC or MCP Streamable HTTP).</summary>
    Mcp,
}
