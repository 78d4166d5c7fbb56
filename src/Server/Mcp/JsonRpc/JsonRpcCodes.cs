namespace TraceFix.Server.Mcp.JsonRpc;

/// <summary>JSON-RPC 2.0 error codes, as OpenEnv's MCP endpoint uses them; -32000 is its "server error" (capacity, factory).</summary>
public static class JsonRpcCodes
{
    public const int ParseError = -32700;
    public const int InvalidRequest = -32600;
    public const int MethodNotFound = -32601;
    public const int InvalidParams = -32602;
    public const int InternalError = -32603;
    public const int ServerError = -32000;

    /// <summary>MCP Streamable HTTP: the <c>Mcp-Session-Id</c> names no open session (sent with HTTP 404).</summary>
    public const int SessionNotFound = -32001;
}
