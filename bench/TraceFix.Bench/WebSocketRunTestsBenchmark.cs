using System.Diagnostics;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using TraceFix.Bench.Server;

namespace TraceFix.Bench;

/// <summary>
/// Many concurrent WebSocket episodes, each resetting a task and then running the hidden tests over and over in the
/// real sandbox, against one session alone on the same server (the yardstick). `ws-run-tests [--url URL] [--clients 256] [--seconds 20] [--runs-per-episode 40] [--pool N]`.
/// </summary>
public sealed class WebSocketRunTestsBenchmark : IBenchmark
{
    private static readonly string[] Difficulties = ["easy", "medium", "hard"];

    public string Name => "ws-run-tests";

    public string Description => "256 concurrent /ws episodes doing RUN_TESTS in the sandbox vs one session on the same server (goal >= 1.7x), errors";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var clients = options.GetInt("clients", 256);
        var seconds = options.GetInt("seconds", 20);
        var runsPerEpisode = options.GetInt("runs-per-episode", 40);
        var settings = new Dictionary<string, string> { ["TraceFix:Sessions:MaxSessions"] = (clients + 64).ToString(CultureInfo.InvariantCulture) };
        if (options.Get("pool") is { } pool)
        {
            settings["TraceFix:Sandbox:PoolSize"] = pool;
        }
        await using var server = await BenchServer.StartAsync(options.Get("url"), settings);
        var socketAddress = new UriBuilder(server.Address) { Scheme = "ws", Path = "/ws" }.Uri;
        Console.WriteLine($"server {server.Address}  clients {clients}  duration {seconds} s  RUN_TESTS per episode {runsPerEpisode}  " +
                          $"cores {Environment.ProcessorCount}  load {Yardstick.LoadAverage()}");

        // The yardstick: one session alone on the same server, right before the many.
        var one = await LoadAsync(socketAddress, 1, seconds, runsPerEpisode);
        one.Print("1 session");
        var many = await LoadAsync(socketAddress, clients, seconds, runsPerEpisode);
        many.Print($"{clients} sessions");
        var scaled = Yardstick.Report($"ws-run-tests {clients} sessions", many.RunsPerSecond, "runs/s", "one session, same server",
            one.RunsPerSecond, ScalingGoal, higherIsBetter: true);
        Console.WriteLine($"goal 0 errors and >= {ScalingGoal}x one session's runs/s: {(many.Errors == 0 && one.Errors == 0 && scaled ? "met" : "NOT met")}");
        return many.Errors + one.Errors == 0 ? 0 : 1;
    }

    private const double ScalingGoal = 1.7;

    private static async Task<LoadResult> LoadAsync(Uri socketAddress, int clients, int seconds, int runsPerEpisode)
    {
        var latencies = new Latencies();
        long errors = 0, episodes = 0;
        var errorSamples = new List<string>();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async worker =>
        {
            var episode = 0;
            while (clock.Elapsed < end)
            {
                try
                {
                    await PlayEpisodeAsync(socketAddress, worker, episode++, runsPerEpisode, clock, end, latencies);
                    Interlocked.Increment(ref episodes);
                }
                catch (Exception ex) when (ex is WebSocketException or InvalidOperationException or OperationCanceledException or JsonException)
                {
                    Interlocked.Increment(ref errors);
                    lock (errorSamples)
                    {
                        if (errorSamples.Count < 5)
                        {
                            errorSamples.Add(ex.Message);
                        }
                    }
                }
            }
        }));
        return new LoadResult(latencies, episodes, errors, errorSamples, clock.Elapsed.TotalSeconds);
    }

    private sealed record LoadResult(Latencies Latencies, long Episodes, long Errors, List<string> ErrorSamples, double Seconds)
    {
        public double RunsPerSecond => Latencies.Count / Seconds;

        public void Print(string label)
        {
            Console.WriteLine($"{label}: RUN_TESTS {RunsPerSecond:F0} runs/s  (runs {Latencies.Count}, episodes {Episodes}, errors {Errors}, " +
                              $"p50 {Latencies.Percentile(50):F1} ms, p99 {Latencies.Percentile(99):F1} ms, {Seconds:F1} s)");
            foreach (var sample in ErrorSamples)
            {
                Console.WriteLine($"  error: {sample}");
            }
        }
    }

    private static async Task PlayEpisodeAsync(Uri address, int worker, int episode, int runs, Stopwatch clock, TimeSpan end, Latencies latencies)
    {
        using var socket = new ClientWebSocket();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await socket.ConnectAsync(address, timeout.Token);
        var buffer = new byte[256 * 1024];
        var difficulty = Difficulties[(worker + episode) % Difficulties.Length];
        var reset = JsonSerializer.Serialize(new { type = "reset", data = new { difficulty, seed = worker * 1000 + episode } });
        await ExpectAsync(socket, buffer, reset, timeout.Token);
        for (var i = 0; i < runs && clock.Elapsed < end; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var done = await ExpectAsync(socket, buffer, """{"type":"step","data":{"thought":"bench","action_type":"RUN_TESTS","metadata":{}}}""", timeout.Token);
            latencies.Add(Stopwatch.GetElapsedTime(started));
            if (done)
            {
                break;
            }
        }
        await socket.SendAsync("""{"type":"close"}"""u8.ToArray(), WebSocketMessageType.Text, true, timeout.Token);
        await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", timeout.Token);
    }

    /// <summary>Sends one message and checks that the reply is an observation; returns its done flag.</summary>
    private static async Task<bool> ExpectAsync(ClientWebSocket socket, byte[] buffer, string message, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"server closed the socket: {socket.CloseStatusDescription}");
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                break;
            }
            if (length == buffer.Length)
            {
                throw new InvalidOperationException("reply larger than the buffer");
            }
        }
        using var reply = JsonDocument.Parse(buffer.AsMemory(0, length));
        var type = reply.RootElement.GetProperty("type").GetString();
        if (type != "observation")
        {
            throw new InvalidOperationException($"expected an observation, got {type}: {reply.RootElement.GetProperty("data")}");
        }
        return reply.RootElement.GetProperty("data").GetProperty("done").GetBoolean();
    }
}
