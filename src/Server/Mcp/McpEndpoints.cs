using TraceFix.Server.OpenEnv.Tools;
using TraceFix.Server.Security;

namespace TraceFix.Server.Mcp;

/// <summary>
/// Wires the MCP surface: <c>POST /mcp</c> (OpenEnv JSON-RPC and MCP Streamable HTTP), <c>DELETE /mcp</c> (end an MCP
/// session), <c>WS /mcp</c>, and the tool handler the environment's /ws and /step use. Only the operator may call /mcp,
/// with any method, like the other environment routes.
/// </summary>
public static class McpEndpoints
{
    public static WebApplicationBuilder AddMcpServer(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<McpSessions>();
        builder.Services.AddSingleton<McpDispatcher>();
        builder.Services.AddSingleton<McpSocketHandler>();
        builder.Services.AddSingleton<IToolActionHandler, McpToolActions>();
        return builder;
    }

    public static IEndpointRouteBuilder MapMcpServer(this IEndpointRouteBuilder app)
    {
        var group = app.MapOperatorGroup(McpProtocol.Path).WithTags("MCP");
        group.MapPost("", McpHttpEndpoint.PostAsync)
            .WithSummary("JSON-RPC 2.0: tools/list, tools/call, openenv/session/create, openenv/session/close, and MCP's initialize/ping")
            .Accepts<object>("application/json", "*/*")
            .Produces<object>(StatusCodes.Status200OK)
            .Produces(StatusCodes.Status202Accepted);
        group.MapDelete("", McpHttpEndpoint.DeleteAsync).ExcludeFromDescription();
        group.MapGet("", (HttpContext context, McpSocketHandler handler) => context.WebSockets.IsWebSocketRequest
                ? handler.HandleAsync(context)
                : NotAllowedAsync(context))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>No server-initiated SSE stream: MCP clients treat 405 on GET as "none offered" and carry on.</summary>
    private static Task NotAllowedAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
        context.Response.Headers.Allow = "POST, DELETE";
        return context.Response.WriteAsync("GET /mcp serves only WebSocket upgrades; use POST for JSON-RPC.", context.RequestAborted);
    }
}
