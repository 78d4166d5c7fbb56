using System.Net.WebSockets;
using Microsoft.Extensions.Options;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Tools;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.WebSockets;

/// <summary>
/// Serves <c>/ws</c>: one session (and one episode at a time) per connection, opened before the first message is read.
/// Capacity and session errors close the connection; every other error is answered and the session stays open.
/// </summary>
public sealed class EnvironmentSocketHandler(
    SessionManager sessions,
    IOptions<EnvironmentServerOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<EnvironmentSocketHandler> logger,
    IToolActionHandler? tools = null)
{
    private const WebSocketCloseStatus TryAgainLater = (WebSocketCloseStatus)1013;

    public async Task HandleAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("Expected a WebSocket upgrade request.", context.RequestAborted);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new SocketConnection(socket, options.Value.MaxMessageBytes);
        using var aborted = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var cancellationToken = aborted.Token;

        var opened = sessions.Open(SessionKind.WebSocket);
        if (opened.Session is not { } session)
        {
            var error = new ErrorFrameData(opened.ErrorMessage!, opened.ErrorCode!) { ActiveSessions = opened.ActiveSessions, MaxSessions = opened.MaxSessions };
            await TrySendAsync(connection, error, cancellationToken);
            await connection.CloseAsync(opened.ErrorCode == ErrorCodes.CapacityReached ? TryAgainLater : WebSocketCloseStatus.InternalServerError,
                opened.ErrorCode!, cancellationToken);
            return;
        }

        logger.LogDebug("WebSocket session {SessionId} opened ({Active}/{Max})", session.Id, opened.ActiveSessions, opened.MaxSessions);
        try
        {
            var protocol = new SocketProtocol(connection, session, options.Value.MaxMessageBytes, logger, tools);
            await protocol.RunAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            logger.LogDebug("WebSocket session {SessionId} ended by the peer or shutdown: {Reason}", session.Id, ex.Message);
        }
        finally
        {
            await sessions.CloseAsync(session);
            logger.LogDebug("WebSocket session {SessionId} closed", session.Id);
        }
    }

    private static async Task TrySendAsync(SocketConnection connection, ErrorFrameData error, CancellationToken cancellationToken)
    {
        try
        {
            await connection.SendAsync("error", error, cancellationToken);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
        }
    }
}
