using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TraceFix.Bench.Server;

namespace TraceFix.Bench;

/// <summary>
/// HTTP POST /step throughput with VIEW_CODE (no sandbox involved): the server's request, session and JSON path.
/// `http-view-code [--url URL] [--sessions 128] [--connections 64] [--seconds 10] [--client wrk|dotnet]`.
/// Without --url the Release build of src/Server is started with a step limit high enough for the whole run.
/// </summary>
public sealed partial class HttpViewCodeBenchmark : IBenchmark
{
    private const string StepBody = """{"action":{"thought":"bench","action_type":"VIEW_CODE","metadata":{}}}""";

    public string Name => "http-view-code";

    public string Description => "HTTP POST /step VIEW_CODE steps/s over persistent sessions (wrk if installed, else an HttpClient load generator)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var sessionCount = options.GetInt("sessions", 128);
        var connections = options.GetInt("connections", 64);
        var seconds = options.GetInt("seconds", 10);
        var client = options.Get("client") ?? (File.Exists("/usr/bin/wrk") ? "wrk" : "dotnet");

        await using var server = await BenchServer.StartAsync(options.Get("url"), new Dictionary<string, string>
        {
            ["TraceFix:Environment:MaxSteps"] = "10000",
            ["TraceFix:Sessions:MaxSessions"] = (sessionCount + 64).ToString(CultureInfo.InvariantCulture),
        });
        var sessions = await OpenSessionsAsync(server.Address, sessionCount);
        Console.WriteLine($"server {server.Address}  sessions {sessionCount}  connections {connections}  duration {seconds} s  client {client}");

        var result = client == "wrk"
            ? await RunWrkAsync(server.Address, sessions, connections, seconds)
            : await RunDotnetAsync(server.Address, sessions, connections, seconds);
        Console.WriteLine($"VIEW_CODE steps/s: {result.Requests / result.Seconds:F0}  (requests {result.Requests}, non-2xx or failed {result.Errors}, " +
                          $"p50 {result.P50Ms:F2} ms, p99 {result.P99Ms:F2} ms)");
        Console.WriteLine($"goal >= 20000 steps/s: {(result.Requests / result.Seconds >= 20_000 ? "met" : "NOT met")}");
        return result.Errors == 0 ? 0 : 1;
    }

    private sealed record LoadResult(long Requests, long Errors, double Seconds, double P50Ms, double P99Ms);

    private static async Task<List<string>> OpenSessionsAsync(Uri address, int count)
    {
        using var http = new HttpClient { BaseAddress = address };
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var opened = await http.PostAsync("/sessions", null);
            opened.EnsureSuccessStatusCode();
            var id = (string)JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["session_id"]!;
            using var reset = await http.PostAsJsonAsync($"/reset?session_id={id}", new { difficulty = (i % 3) switch { 0 => "easy", 1 => "medium", _ => "hard" }, seed = i });
            reset.EnsureSuccessStatusCode();
            ids.Add(id);
        }
        return ids;
    }

    private static async Task<LoadResult> RunWrkAsync(Uri address, List<string> sessions, int connections, int seconds)
    {
        var script = Path.Combine(Path.GetTempPath(), $"tracefix-wrk-{Environment.ProcessId}.lua");
        await File.WriteAllTextAsync(script, WrkScript);
        try
        {
            await RunWrkOnceAsync(address, sessions, script, connections, 2);
            var output = await RunWrkOnceAsync(address, sessions, script, connections, seconds);
            var match = WrkSummary().Match(output);
            if (!match.Success)
            {
                throw new InvalidOperationException("unexpected wrk output:\n" + output);
            }
            long Value(string name) => long.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
            var errors = Value("status") + Value("connect") + Value("read") + Value("write") + Value("timeout");
            return new LoadResult(Value("requests"), errors, Value("duration") / 1e6, Value("p50") / 1e3, Value("p99") / 1e3);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static async Task<string> RunWrkOnceAsync(Uri address, List<string> sessions, string script, int connections, int seconds)
    {
        var start = new ProcessStartInfo("wrk", ["-t2", $"-c{connections}", $"-d{seconds}s", "-s", script, address.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["TRACEFIX_SESSIONS"] = string.Join(',', sessions);
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return output;
    }

    private static async Task<LoadResult> RunDotnetAsync(Uri address, List<string> sessions, int connections, int seconds)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var http = new HttpClient(handler) { BaseAddress = address };
        var latencies = new Latencies();
        long requests = 0, errors = 0;
        var clock = Stopwatch.StartNew();
        var end = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, connections).Select(async worker =>
        {
            var session = sessions[worker % sessions.Count];
            while (clock.Elapsed < end)
            {
                var started = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Post, "/step") { Content = new StringContent(StepBody, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Session-Id", session);
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.ReadAsByteArrayAsync();
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref errors);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
                latencies.Add(Stopwatch.GetElapsedTime(started));
                Interlocked.Increment(ref requests);
            }
        }));
        return new LoadResult(requests, errors, clock.Elapsed.TotalSeconds, latencies.Percentile(50), latencies.Percentile(99));
    }

    [GeneratedRegex(@"WRK requests=(?<requests>\d+) status=(?<status>\d+) connect=(?<connect>\d+) read=(?<read>\d+) write=(?<write>\d+) timeout=(?<timeout>\d+) p50=(?<p50>\d+) p99=(?<p99>\d+) duration=(?<duration>\d+)")]
    private static partial Regex WrkSummary();

    // Each request goes to the next session in turn, so the load spreads over all sessions.
    private const string WrkScript = """
        local ids = {}
        for id in string.gmatch(os.getenv("TRACEFIX_SESSIONS"), "[^,]+") do ids[#ids + 1] = id end
        local body = '{"action":{"thought":"bench","action_type":"VIEW_CODE","metadata":{}}}'
        local n = 0
        request = function()
          n = n + 1
          return wrk.format("POST", "/step", { ["Content-Type"] = "application/json", ["X-Session-Id"] = ids[(n % #ids) + 1] }, body)
        end
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("WRK requests=%d status=%d connect=%d read=%d write=%d timeout=%d p50=%d p99=%d duration=%d\n",
            summary.requests, e.status, e.connect, e.read, e.write, e.timeout, latency:percentile(50), latency:percentile(99), summary.duration))
        end
        """;
}
