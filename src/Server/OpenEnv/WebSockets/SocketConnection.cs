using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.WebSockets;

/// <summary>
/// Reads whole messages (joining fragments) with a size cap and writes JSON frames. A message over the cap is read to
/// its end and discarded, so one bad frame costs an error reply rather than the connection.
/// </summary>
public sealed class SocketConnection(WebSocket socket, int maxMessageBytes)
{
    private const int ChunkSize = 16 * 1024;
    private readonly ArrayBufferWriter<byte> _incoming = new(ChunkSize);
    private readonly ArrayBufferWriter<byte> _outgoing = new(ChunkSize);

    public async Task<IncomingMessage> ReceiveAsync(CancellationToken cancellationToken)
    {
        _incoming.ResetWrittenCount();
        long size = 0;
        var tooLarge = false;
        while (true)
        {
            var result = await socket.ReceiveAsync(_incoming.GetMemory(ChunkSize), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return new IncomingMessage(IncomingKind.Close, default, 0);
            }
            size += result.Count;
            if (tooLarge || size > maxMessageBytes)
            {
                tooLarge = true;
                _incoming.ResetWrittenCount();
            }
            else
            {
                _incoming.Advance(result.Count);
            }
            if (result.EndOfMessage)
            {
                var kind = tooLarge ? IncomingKind.TooLarge
                    : result.MessageType == WebSocketMessageType.Binary ? IncomingKind.Binary
                    : IncomingKind.Text;
                return new IncomingMessage(kind, _incoming.WrittenMemory, size);
            }
        }
    }

    /// <summary>
    /// The next message, or null when <paramref name="ended"/> (the session's expiry) completes first. The caller then
    /// closes the socket, which ends the abandoned receive; its failure is observed here so it is never reported as unobserved.
    /// </summary>
    public async Task<IncomingMessage?> ReceiveUntilAsync(Task ended, CancellationToken cancellationToken)
    {
        var receive = ReceiveAsync(cancellationToken);
        if (receive.IsCompleted || await Task.WhenAny(receive, ended) == receive)
        {
            return await receive;
        }
        ObserveFailure(receive);
        return null;
    }

    public async Task SendAsync<T>(string type, T data, CancellationToken cancellationToken)
    {
        _outgoing.ResetWrittenCount();
        await using (var writer = new Utf8JsonWriter(_outgoing))
        {
            JsonSerializer.Serialize(writer, new ServerFrame<T>(type, data), WireJson.Options);
        }
        await socket.SendAsync(_outgoing.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    public async Task SendObservationAsync(StepResult result, CancellationToken cancellationToken)
    {
        _outgoing.ResetWrittenCount();
        await using (var writer = new Utf8JsonWriter(_outgoing, new JsonWriterOptions { Encoder = WireJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("type", "observation");
            writer.WritePropertyName("data");
            StepResponseWriter.Write(writer, result);
            writer.WriteEndObject();
        }
        await socket.SendAsync(_outgoing.WrittenMemory, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
    }

    // Still pending: it ends when the peer answers the close or the socket goes away, and then a failure is expected.
    private static void ObserveFailure(Task receive) =>
        receive.ContinueWith(static t => t.Exception, CancellationToken.None,
            TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    /// <summary>Closes after a <c>close</c> message: sends our close frame, then waits briefly for the peer's.</summary>
    public async Task CloseAndDrainAsync(TimeSpan wait, CancellationToken cancellationToken)
    {
        await CloseAsync(WebSocketCloseStatus.NormalClosure, "closed", cancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(wait);
        try
        {
            while (socket.State == WebSocketState.CloseSent)
            {
                await socket.ReceiveAsync(_incoming.GetMemory(ChunkSize), timeout.Token);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Starts or completes the closing handshake; failures are ignored because the peer may already be gone.</summary>
    public async Task CloseAsync(WebSocketCloseStatus status, string description, CancellationToken cancellationToken)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(status, description, cancellationToken);
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }
}
