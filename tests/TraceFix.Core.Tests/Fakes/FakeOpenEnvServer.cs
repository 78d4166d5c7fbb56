using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace TraceFix.Testing.Fakes;

/// <summary>
/// A /ws endpoint on a real loopback port that records every client frame and answers each with the next scripted
/// reply frame, to check the client's side of the OpenEnv protocol byte for byte.
/// </summary>
public sealed class FakeOpenEnvServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<string> _replies = new();
    private readonly ConcurrentQueue<string> _received = new();

    private FakeOpenEnvServer(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<string> Received => _received.ToList();

    public static async Task<FakeOpenEnvServer> StartAsync(params string[] replies)
    {
        var app = LoopbackApp.Create();
        var server = new FakeOpenEnvServer(app);
        foreach (var reply in replies)
        {
            server._replies.Enqueue(reply);
        }
        app.UseWebSockets();
        app.Map("/ws", server.HandleAsync);
        server.BaseUrl = await LoopbackApp.StartAsync(app);
        return server;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var buffer = new byte[64 * 1024];
        while (socket.State == WebSocketState.Open)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
                return;
            }
            var frame = Encoding.UTF8.GetString(buffer, 0, result.Count);
            _received.Enqueue(frame);
            if (frame.Contains("\"close\"", StringComparison.Ordinal))
            {
                continue;
            }
            var reply = _replies.TryDequeue(out var next) ? next : """{"type":"error","data":{"message":"no scripted reply","code":"EXECUTION_ERROR"}}""";
            await socket.SendAsync(Encoding.UTF8.GetBytes(reply), WebSocketMessageType.Text, true, CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
