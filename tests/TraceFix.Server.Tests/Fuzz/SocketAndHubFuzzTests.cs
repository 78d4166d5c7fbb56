using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace TraceFix.Server.Tests.Fuzz;

/// <summary>1,000 seeded WebSocket frames on /ws and 1,000 hub invocations with bad arguments.</summary>
public sealed class SocketAndHubFuzzTests
{
    private static readonly string[] ValidFrames =
    [
        """{"type":"reset","data":{"task_name":"binary_search_off_by_one","seed":1}}""",
        """{"type":"step","data":{"thought":"t","action_type":"REPLACE_LINES","start_line":3,"end_line":3,"new_code_block":"    x = 1","metadata":{}}}""",
        """{"type":"step","data":{"thought":"t","action_type":"VIEW_CODE"}}""",
        """{"type":"state"}""",
    ];

    [Fact]
    public async Task WebSocketFrames_AreEachAnsweredAndNeverDropTheConnection()
    {
        await using var app = FuzzApp.Create();
        var fuzz = new JsonFuzzer(201);
        var socket = await ConnectAsync(app);
        var buffer = new byte[1 << 20];
        var errors = 0;
        for (var i = 0; i < FuzzApp.Cases; i++)
        {
            var frame = fuzz.Mutate(ValidFrames[fuzz.Random.Next(ValidFrames.Length)]);
            var binary = fuzz.Random.Next(25) == 0;
            if (fuzz.Random.Next(8) == 0 && frame.Length > 2)
            {
                var cut = fuzz.Random.Next(1, frame.Length);
                await socket.SendAsync(frame.AsMemory(0, cut), WebSocketMessageType.Text, false, CancellationToken.None);
                await socket.SendAsync(frame.AsMemory(cut), WebSocketMessageType.Text, true, CancellationToken.None);
            }
            else
            {
                await socket.SendAsync(frame, binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text, true, CancellationToken.None);
            }
            var reply = await ReceiveAsync(socket, buffer);
            if (reply is null)
            {
                // Only a well-formed {"type":"close"} may end the session, and then normally.
                Assert.True(IsClose(frame), $"case {i}: closed ({socket.CloseStatus} {socket.CloseStatusDescription}) after {Encoding.UTF8.GetString(frame)}");
                Assert.Equal(WebSocketCloseStatus.NormalClosure, socket.CloseStatus);
                socket.Dispose();
                socket = await ConnectAsync(app);
                continue;
            }
            using var document = JsonDocument.Parse(reply);
            var type = document.RootElement.GetProperty("type").GetString();
            Assert.Contains(type, new[] { "observation", "state", "error" });
            errors += type == "error" ? 1 : 0;
        }
        Assert.InRange(errors, 100, FuzzApp.Cases - 50);
        socket.Dispose();
        Assert.Equal((0L, 0L, 0L), FuzzApp.Rows(app));
    }

    [Fact]
    public async Task HubInvocationsWithBadArguments_FailAloneAndKeepTheConnection()
    {
        await using var app = FuzzApp.Create();
        await using var hub = app.CreateHubConnection();
        await hub.StartAsync();
        var fuzz = new JsonFuzzer(202);
        var failures = 0;
        for (var i = 0; i < FuzzApp.Cases; i++)
        {
            var method = fuzz.Pick("JoinRun", "LeaveRun", "SubscribeRuns", "UnsubscribeRuns", "WatchRun", "OnConnectedAsync", "Dispose", "joinrun", "Nope", " ");
            var args = Enumerable.Range(0, fuzz.Random.Next(4)).Select(_ => RandomArgument(fuzz)).ToArray();
            try
            {
                if (method == "WatchRun" && fuzz.Random.Next(2) == 0)
                {
                    using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                    await foreach (var _ in hub.StreamAsyncCore<object>(method, args, limit.Token))
                    {
                        break;
                    }
                }
                else
                {
                    await hub.InvokeCoreAsync(method, typeof(object), args);
                }
            }
            catch (HubException)
            {
                failures++;
            }
            Assert.True(hub.State == HubConnectionState.Connected, $"case {i}: {method}({string.Join(", ", args)}) dropped the connection");
        }
        Assert.InRange(failures, 300, FuzzApp.Cases);
        await hub.InvokeAsync("JoinRun", Guid.NewGuid());
        Assert.Equal((0L, 0L, 0L), FuzzApp.Rows(app));
    }

    private static object? RandomArgument(JsonFuzzer fuzz) => fuzz.Random.Next(10) switch
    {
        0 => null,
        1 => Guid.NewGuid(),
        2 => Guid.NewGuid().ToString(),
        3 => "not-a-guid",
        4 => fuzz.Random.Next(int.MinValue, int.MaxValue),
        5 => long.MinValue,
        6 => new string('g', 10_000), // under SignalR's 32 KB message limit, above which it closes the connection by design
        7 => new Dictionary<string, object?> { ["id"] = Guid.Empty, ["x"] = new[] { 1, 2 } },
        8 => -1L,
        _ => 1e308,
    };

    private static bool IsClose(byte[] frame)
    {
        try
        {
            using var document = JsonDocument.Parse(frame);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "close";
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static async Task<WebSocket> ConnectAsync(TraceFixApp app) =>
        await app.Server.CreateWebSocketClient().ConnectAsync(new Uri(app.Server.BaseAddress, "/ws"), CancellationToken.None);

    private static async Task<byte[]?> ReceiveAsync(WebSocket socket, byte[] buffer)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), limit.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return buffer[..length];
            }
        }
    }
}
