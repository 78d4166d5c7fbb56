using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using TraceFix.Bench.Server;

namespace TraceFix.Bench;

/// <summary>
/// Load and soak: many /ws environment sessions playing episodes (reset, VIEW_CODE, REPLACE_LINES, RUN_TESTS, SUBMIT)
/// while dashboard viewers hold hub subscriptions and poll the API, and offline runs are started now and then.
/// `soak [--url URL] [--sessions 256] [--viewers 50] [--seconds 600] [--sample 10] [--warmup S] [--env NAME=VALUE]...`. Prints server memory over time,
/// errors and latency percentiles.
/// </summary>
public sealed class SoakBenchmark : IBenchmark
{
    private static readonly string[] Tasks = ["binary_search_off_by_one", "reverse_string_wrong_step", "sum_even_wrong_condition", "word_count_no_lower"];

    public string Name => "soak";

    public string Description => "256 /ws sessions + 50 dashboard viewers for 10 min: memory over time, errors, p50/p95/p99";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var sessions = options.GetInt("sessions", 256);
        var viewers = options.GetInt("viewers", 50);
        var seconds = options.GetInt("seconds", 600);
        var sample = options.GetInt("sample", 10);
        var folder = Directory.CreateTempSubdirectory("tracefix-soak-").FullName;
        var settings = new Dictionary<string, string>
        {
            ["TraceFix:Sessions:MaxSessions"] = (sessions + 64).ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings:TraceFix"] = $"Data Source={Path.Combine(folder, "soak.db")}",
            ["TraceFix:Logging:Directory"] = Path.Combine(folder, "logs"),
            ["TraceFix:Security:RunStartsPerWindow"] = "0",
        };
        await using var server = await BenchServer.StartAsync(options.Get("url"), settings, options.Environment());
        await Task.Delay(TimeSpan.FromSeconds(5));
        var idleKb = Rss(server.ProcessId);
        Console.WriteLine($"server {server.Address} (pid {server.ProcessId})  sessions {sessions}  viewers {viewers}  duration {seconds} s  " +
                          $"idle RSS {idleKb / 1024} MB  load {Yardstick.LoadAverage()}");

        var steps = new Latencies();
        var reads = new Latencies();
        var counters = new Counters();
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromMinutes(2) };
        var memory = new List<(double Seconds, long RssKb)>();

        var sampler = Task.Run(async () =>
        {
            while (clock.Elapsed < end)
            {
                memory.Add((clock.Elapsed.TotalSeconds, Rss(server.ProcessId)));
                await Task.Delay(TimeSpan.FromSeconds(sample));
            }
            memory.Add((clock.Elapsed.TotalSeconds, Rss(server.ProcessId)));
        });
        var starter = Task.Run(async () =>
        {
            while (clock.Elapsed < end)
            {
                try
                {
                    var response = await http.PostAsJsonAsync("/api/runs", new { agent = "offline", tasks = new[] { Tasks[counters.RunsStarted % Tasks.Length] }, maxSteps = 8 });
                    counters.Count(response.IsSuccessStatusCode ? null : $"start run: {(int)response.StatusCode}");
                    Interlocked.Increment(ref counters.RunsStarted);
                }
                catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                {
                    counters.Count("start run: " + ex.Message);
                }
                await Task.Delay(TimeSpan.FromSeconds(15));
            }
        });
        var viewerTasks = Enumerable.Range(0, viewers).Select(i => ViewAsync(server.Address, http, clock, end, reads, counters, i));
        var sessionTasks = Enumerable.Range(0, sessions).Select(i => PlayAsync(server.Address, clock, end, steps, counters, i));
        await Task.WhenAll(sessionTasks.Concat(viewerTasks).Append(sampler).Append(starter));

        var elapsed = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"elapsed {elapsed:F0} s  episodes {counters.Episodes}  steps {steps.Count} ({steps.Count / elapsed:F0}/s)  " +
                          $"viewer reads {reads.Count} ({reads.Count / elapsed:F0}/s)  hub events {counters.HubEvents}  runs started {counters.RunsStarted}");
        Console.WriteLine($"env step latency ms: p50 {steps.Percentile(50):F1}  p95 {steps.Percentile(95):F1}  p99 {steps.Percentile(99):F1}");
        Console.WriteLine($"viewer GET latency ms: p50 {reads.Percentile(50):F1}  p95 {reads.Percentile(95):F1}  p99 {reads.Percentile(99):F1}");
        Console.WriteLine($"errors {counters.Errors}");
        foreach (var error in counters.Samples)
        {
            Console.WriteLine($"  error: {error}");
        }
        Console.WriteLine("server memory (RSS MB) over time: " + string.Join("  ", memory.Select(m => $"{m.Seconds:F0}s={m.RssKb / 1024}")));
        ReportDrift(memory, options.GetInt("warmup", Math.Min(300, seconds / 4)), idleKb);
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        return counters.Errors == 0 ? 0 : 1;
    }

    private static async Task PlayAsync(Uri server, Stopwatch clock, TimeSpan end, Latencies latencies, Counters counters, int worker)
    {
        var address = new UriBuilder(server) { Scheme = "ws", Path = "/ws" }.Uri;
        var buffer = new byte[512 * 1024];
        var episode = 0;
        await Task.Delay(worker * 20);
        while (clock.Elapsed < end)
        {
            try
            {
                using var socket = new ClientWebSocket();
                using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
                await socket.ConnectAsync(address, timeout.Token);
                var task = Tasks[(worker + episode++) % Tasks.Length];
                string[] messages =
                [
                    JsonSerializer.Serialize(new { type = "reset", data = new { task_name = task, seed = worker } }),
                    """{"type":"step","data":{"thought":"look","action_type":"VIEW_CODE"}}""",
                    """{"type":"step","data":{"thought":"edit","action_type":"REPLACE_LINES","start_line":1,"end_line":1,"new_code_block":"# soak\n"}}""",
                    """{"type":"step","data":{"thought":"undo","action_type":"UNDO_EDIT"}}""",
                    """{"type":"step","data":{"thought":"run","action_type":"RUN_TESTS"}}""",
                    """{"type":"state"}""",
                    """{"type":"step","data":{"thought":"done","action_type":"SUBMIT"}}""",
                ];
                foreach (var message in messages)
                {
                    var started = Stopwatch.GetTimestamp();
                    var reply = await ExchangeAsync(socket, buffer, message, timeout.Token);
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                    if (!reply.StartsWith("""{"type":"observation""", StringComparison.Ordinal) && !reply.StartsWith("""{"type":"state""", StringComparison.Ordinal))
                    {
                        counters.Count("ws reply: " + reply[..Math.Min(reply.Length, 200)]);
                        break;
                    }
                }
                await socket.SendAsync("""{"type":"close"}"""u8.ToArray(), WebSocketMessageType.Text, true, timeout.Token);
                Interlocked.Increment(ref counters.Episodes);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or InvalidOperationException)
            {
                counters.Count("ws: " + ex.Message);
            }
        }
    }

    private static async Task ViewAsync(Uri server, HttpClient http, Stopwatch clock, TimeSpan end, Latencies latencies, Counters counters, int viewer)
    {
        try
        {
            await using var hub = new HubConnectionBuilder().WithUrl(new Uri(server, "/hubs/runs")).WithAutomaticReconnect().Build();
            hub.On<JsonElement>("RunStatusChanged", _ => Interlocked.Increment(ref counters.HubEvents));
            await hub.StartAsync();
            await hub.InvokeAsync("SubscribeRuns");
            while (clock.Elapsed < end)
            {
                foreach (var path in new[] { "/api/runs?pageSize=20", "/api/leaderboard", "/health" })
                {
                    var started = Stopwatch.GetTimestamp();
                    using var response = await http.GetAsync(path);
                    await response.Content.ReadAsByteArrayAsync();
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                    counters.Count(response.IsSuccessStatusCode ? null : $"GET {path}: {(int)response.StatusCode}");
                }
                await Task.Delay(1000 + viewer * 7 % 500);
            }
            if (hub.State != HubConnectionState.Connected)
            {
                counters.Count($"viewer {viewer}: hub {hub.State}");
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidOperationException)
        {
            counters.Count($"viewer {viewer}: {ex.Message}");
        }
    }

    private static async Task<string> ExchangeAsync(ClientWebSocket socket, byte[] buffer, string message, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancellationToken);
        var length = 0;
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new WebSocketException($"server closed the socket: {socket.CloseStatus} {socket.CloseStatusDescription}");
            }
            length += result.Count;
            if (result.EndOfMessage)
            {
                return Encoding.UTF8.GetString(buffer, 0, length);
            }
        }
    }

    /// <summary>RSS after warm-up against its first post-warm-up sample (goal: every later sample within ±5%).</summary>
    private static void ReportDrift(List<(double Seconds, long RssKb)> memory, int warmupSeconds, long idleKb)
    {
        var settled = memory.Where(m => m.Seconds >= warmupSeconds && m.RssKb > 0).ToList();
        if (settled.Count < 2)
        {
            Console.WriteLine($"too short to judge growth after a {warmupSeconds} s warm-up");
            return;
        }
        var first = settled[0].RssKb;
        var low = settled.Min(m => m.RssKb);
        var high = settled.Max(m => m.RssKb);
        var last = settled[^1].RssKb;
        Console.WriteLine($"after the {warmupSeconds} s warm-up: first {first / 1024} MB, min {low / 1024} MB, max {high / 1024} MB, last {last / 1024} MB " +
                          $"(band {(double)(low - first) / first:+0.0%;-0.0%} .. {(double)(high - first) / first:+0.0%;-0.0%}); idle before load {idleKb / 1024} MB");
        Yardstick.Report("soak RSS max after warm-up", high / 1024.0, "MB", "first RSS sample after warm-up", first / 1024.0, 1.05, higherIsBetter: false);
        Yardstick.Report("soak RSS last sample", last / 1024.0, "MB", "first RSS sample after warm-up", first / 1024.0, 1.05, higherIsBetter: false);
    }

    private static long Rss(int? pid) => ProcessMemory.RssKb(pid);

    private sealed class Counters
    {
        public int Episodes;
        public int HubEvents;
        public int RunsStarted;
        private int _errors;

        public int Errors => _errors;

        public List<string> Samples { get; } = [];

        public void Count(string? error)
        {
            if (error is null)
            {
                return;
            }
            Interlocked.Increment(ref _errors);
            lock (Samples)
            {
                if (Samples.Count < 8)
                {
                    Samples.Add(error);
                }
            }
        }
    }
}
