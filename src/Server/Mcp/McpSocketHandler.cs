using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using TraceFix.Server.OpenEnv;
using TraceFix.Server.OpenEnv.WebSockets;
using TraceFix.Server.OpenEnv.Wire;
using TraceFix.Server.Mcp.JsonRpc;

namespace TraceFix.Server.Mcp;

/// <summary>
/// <c>WS /mcp</c>: one MCP session per connection, opened before the first message. Each text frame is one JSON-RPC
/// request answered by one JSON-RPC response (notifications get none). At capacity the client gets one -32000 error
/// with active_sessions/max_sessions and the socket closes (1013); closing the socket closes the session and its run.
/// </summary>
public sealed class McpSocketHandler(McpSessions sessions, McpDispatcher dispatcher, IOptions<EnvironmentServerOptions> options,
    IHostApplicationLifetime lifetime, ILogger<McpSocketHandler> logger)
{
    private const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    public async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket, options.Value.MaxMessageBytes);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = aborted.Token;

        var (session, opened) = sessions.Open(McpProtocol.DefaultModel);
        if (session is null)
        {
            await TrySendAsync(socket, McpDispatcher.OpenFailed(null, opened), cancellationToken);
            await connection.CloseAsync(opened.ErrorCode == ErrorCodes.CapacityReached ? TryAgainLater : WebSocketCloseStatus.InternalServerError,
                opened.ErrorCode!, cancellationToken);
            return;
        }
        try
        {
            await RunAsync(socket, connection, session, cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("MCP socket session {SessionId} ended by the peer or shutdown: {Reason}", session.Id, ex.Message);
        }
        finally
        {
            await sessions.CloseAsync(session);
        }
    }

    private async Task RunAsync(WebSocket socket, SocketConnection connection, McpSession session, CancellationToken cancellationToken)
    {
        var context = McpCallContext.Socket(session);
        while (true)
        {
            if (await connection.ReceiveUntilAsync(session.Hosted.Expired, cancellationToken) is not { } message)
            {
                await TrySendAsync(socket, JsonRpcReply.Error(null, JsonRpcCodes.ServerError, session.Hosted.ExpiryReason ?? "Session closed."), cancellationToken);
                await connection.CloseAsync(WebSocketCloseStatus.EndpointUnavailable, "session closed", cancellationToken);
                return;
            }
            JsonObject? reply;
            switch (message.Kind)
            {
                case IncomingKind.Close:
                    await connection.CloseAndDrainAsync(TimeSpan.FromSeconds(2), cancellationToken);
                    return;
                case IncomingKind.Binary:
                    reply = JsonRpcReply.Error(null, JsonRpcCodes.ParseError, "Parse error: binary frames are not supported; send UTF-8 text frames");
                    break;
                case IncomingKind.TooLarge:
                    reply = JsonRpcReply.Error(null, JsonRpcCodes.InvalidRequest,
                        $"Invalid request: {message.Size} bytes exceeds the limit of {options.Value.MaxMessageBytes} bytes");
                    break;
                default:
                    reply = await HandleTextAsync(message.Payload, context, cancellationToken);
                    break;
            }
            if (reply is not null)
            {
                await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(reply, WireJson.Plain), WebSocketMessageType.Text, true, cancellationToken);
            }
        }
    }

    private async Task<JsonObject?> HandleTextAsync(ReadOnlyMemory<byte> payload, McpCallContext context, CancellationToken cancellationToken)
    {
        var (document, parseError) = JsonRpcParser.Parse(payload);
        if (document is null)
        {
            return parseError;
        }
        using (document)
        {
            var (request, invalid) = JsonRpcParser.Read(document.RootElement);
            if (request is null)
            {
                return invalid;
            }
            try
            {
                return (await dispatcher.HandleAsync(request, context, cancellationToken)).Body;
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not WebSocketException)
            {
                // One bad request must not take the connection (and the session's run) down with it.
                logger.LogError(ex, "MCP socket request {Method} failed", request.Method);
                return request.IsNotification ? null : JsonRpcReply.Error(request.Id, JsonRpcCodes.InternalError, "Internal error");
            }
        }
    }

    private static async Task TrySendAsync(WebSocket socket, JsonObject reply, CancellationToken cancellationToken)
    {
        try
        {
            await socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(reply, WireJson.Plain), WebSocketMessageType.Text, true, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }
}
