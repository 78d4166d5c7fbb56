using System.Net.WebSockets;
using System.Text;
using TraceFix.Contracts.Episodes;
using TraceFix.Core.Episodes;

namespace TraceFix.Core.Remote;

/// <summary>
/// An environment session on a remote OpenEnv server over its /ws endpoint: one WebSocket per session, one reply per
/// request, in order. It connects on first use, so a server that is down shows up as the failure of that call.
/// </summary>
public sealed class OpenEnvWebSocketSession(string baseUrl, OpenEnvClientOptions? options = null) : IEnvironmentSession
{
    private readonly OpenEnvClientOptions _options = options ?? new OpenEnvClientOptions();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ClientWebSocket? _socket;

    public Uri Endpoint { get; } = OpenEnvClientOptions.WebSocketUri(baseUrl);

    public async Task<StepResult> ResetAsync(ResetOptions options, CancellationToken cancellationToken = default) =>
        OpenEnvFrames.Observation(await RequestAsync(OpenEnvFrames.Reset(options), "observation", cancellationToken));

    public async Task<StepResult> StepAsync(CodeAction action, CancellationToken cancellationToken = default) =>
        OpenEnvFrames.Observation(await RequestAsync(OpenEnvFrames.Step(action), "observation", cancellationToken));

    public async Task<EpisodeState> GetStateAsync(CancellationToken cancellationToken = default) =>
        OpenEnvFrames.StateOf(await RequestAsync(OpenEnvFrames.State, "state", cancellationToken));

    private async Task<System.Text.Json.JsonElement> RequestAsync(string frame, string replyType, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var socket = await ConnectAsync(cancellationToken);
            await socket.SendAsync(Encoding.UTF8.GetBytes(frame), WebSocketMessageType.Text, true, cancellationToken);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_options.ReplyTimeout);
            string reply;
            try
            {
                reply = await ReceiveAsync(socket, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"no reply from {Endpoint} within {_options.ReplyTimeout.TotalSeconds:0} s");
            }
            return OpenEnvFrames.Payload(reply, replyType);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ClientWebSocket> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_socket is { State: WebSocketState.Open } open)
        {
            return open;
        }
        _socket?.Dispose();
        var socket = new ClientWebSocket();
        socket.Options.KeepAliveInterval = _options.KeepAliveInterval;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.ConnectTimeout);
        try
        {
            await socket.ConnectAsync(Endpoint, timeout.Token);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new IOException($"cannot open {Endpoint}: {ex.Message}", ex);
        }
        _socket = socket;
        return socket;
    }

    private async Task<string> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new IOException($"the server closed the WebSocket ({result.CloseStatus} {result.CloseStatusDescription})".TrimEnd());
            }
            message.Write(buffer, 0, result.Count);
            if (message.Length > _options.MaxMessageBytes)
            {
                throw new InvalidDataException($"reply larger than {_options.MaxMessageBytes} bytes");
            }
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket is { State: WebSocketState.Open } socket)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.SendAsync(Encoding.UTF8.GetBytes(OpenEnvFrames.Close), WebSocketMessageType.Text, true, timeout.Token);
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or IOException)
            {
                // The server may close first after "close"; nothing is left to clean up then.
            }
        }
        _socket?.Dispose();
        _gate.Dispose();
    }
}
