using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Tests.OpenEnv;

/// <summary>A test client for /ws that speaks raw frames, so malformed input can be sent too.</summary>
public sealed class EnvSocket(ClientWebSocket socket) : IAsyncDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);

    public ClientWebSocket Socket => socket;

    public static async Task<EnvSocket> ConnectAsync(Uri address)
    {
        var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        await socket.ConnectAsync(address, timeout.Token);
        return new EnvSocket(socket);
    }

    public Task SendAsync(object message) => SendTextAsync(JsonSerializer.Serialize(message));

    public async Task SendTextAsync(string text) =>
        await socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    public async Task SendBinaryAsync(byte[] bytes) =>
        await socket.SendAsync(bytes, WebSocketMessageType.Binary, true, CancellationToken.None);

    /// <summary>Sends a message and returns the single reply.</summary>
    public async Task<JsonObject> RequestAsync(object message)
    {
        await SendAsync(message);
        return await ReceiveAsync();
    }

    public Task<JsonObject> ResetAsync(object? data = null) => RequestAsync(data is null ? new { type = "reset" } : new { type = "reset", data });

    public Task<JsonObject> StepAsync(object action) => RequestAsync(new { type = "step", data = action });

    public async Task<JsonObject> ReceiveAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"Closed by the server: {result.CloseStatus} {result.CloseStatusDescription}");
            }
            buffer.Write(chunk, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(buffer.ToArray())!.AsObject();
            }
        }
    }

    /// <summary>Waits for the server's close frame and returns its status.</summary>
    public async Task<WebSocketCloseStatus?> ReceiveCloseAsync()
    {
        using var timeout = new CancellationTokenSource(ReplyTimeout);
        var chunk = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(chunk, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result.CloseStatus;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
            }
        }
        socket.Dispose();
    }
}
