using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using TraceFix.Bench.Server;

namespace TraceFix.Bench;

/// <summary>
/// HTTP POST /step throughput with VIEW_CODE (no sandbox involved): the server's request, session and JSON path,
/// against its yardstick, the bare minimal API of bench/TraceFix.Ceiling answering the same JSON, measured with the
/// same wrk settings right before each server round.
/// `http-view-code [--url URL] [--rounds 3] [--sessions 128] [--connections 64] [--threads 2] [--seconds 10] [--spread per-thread|shared]`.
/// </summary>
public sealed class HttpViewCodeBenchmark : IBenchmark
{
    private const double Goal = 0.75;

    public string Name => "http-view-code";

    public string Description => "HTTP POST /step VIEW_CODE steps/s (wrk) vs a bare minimal API returning the same JSON (goal >= 0.75x)";

    public async Task<int> RunAsync(string[] args)
    {
        var options = new BenchOptions(args);
        var rounds = options.GetInt("rounds", 3);
        var sessionCount = options.GetInt("sessions", 128);
        var connections = options.GetInt("connections", 64);
        var threads = options.GetInt("threads", 2);
        var seconds = options.GetInt("seconds", 10);
        var spread = options.Get("spread") == "shared" ? WrkLoad.SessionSpread.Shared : WrkLoad.SessionSpread.PerThread;
        if (!File.Exists("/usr/bin/wrk"))
        {
            Console.Error.WriteLine("this benchmark needs wrk: apt-get install -y wrk");
            return 2;
        }

        await using var server = await BenchServer.StartAsync(options.Get("url"), new Dictionary<string, string>
        {
            ["TraceFix:Environment:MaxSteps"] = "10000",
            ["TraceFix:Sessions:MaxSessions"] = (sessionCount + 64).ToString(CultureInfo.InvariantCulture),
        });
        var sessions = await OpenSessionsAsync(server.Address, sessionCount);
        var responseFile = Path.Combine(Path.GetTempPath(), $"tracefix-ceiling-{Environment.ProcessId}.json");
        var sample = await CaptureStepAsync(server.Address, sessions[0]);
        await File.WriteAllBytesAsync(responseFile, sample);
        try
        {
            await using var ceiling = await BenchServer.StartCeilingAsync(responseFile);
            Console.WriteLine($"server {server.Address}  ceiling {ceiling.Address}  sessions {sessionCount}  wrk -t{threads} -c{connections} -d{seconds}s  " +
                              $"spread {spread}  response {sample.Length} bytes  cores {Environment.ProcessorCount}  load {Yardstick.LoadAverage()}");
            // Warm-up of both: JIT tiering and connection set-up settle before anything is counted.
            await WrkLoad.RunAsync(ceiling.Address, sessions, spread, threads, connections, 3);
            await WrkLoad.RunAsync(server.Address, sessions, spread, threads, connections, 3);

            var allMet = true;
            var errors = 0L;
            for (var round = 1; round <= rounds; round++)
            {
                // Each session's episode has a step limit; a fresh episode per round keeps every request a valid step.
                await ResetSessionsAsync(server.Address, sessions);
                var bare = await WrkLoad.RunAsync(ceiling.Address, sessions, spread, threads, connections, seconds);
                var ours = await WrkLoad.RunAsync(server.Address, sessions, spread, threads, connections, seconds);
                errors += ours.Errors + bare.Errors;
                Console.WriteLine($"round {round}: server {ours.PerSecond:F0}/s (errors {ours.Errors}, p50 {ours.P50Ms:F2} ms, p99 {ours.P99Ms:F2} ms); " +
                                  $"ceiling {bare.PerSecond:F0}/s (errors {bare.Errors}, p50 {bare.P50Ms:F2} ms, p99 {bare.P99Ms:F2} ms)");
                allMet &= Yardstick.Report($"http-view-code round {round}", ours.PerSecond, "req/s", "bare minimal API, same JSON", bare.PerSecond, Goal, higherIsBetter: true);
            }
            Console.WriteLine($"goal: >= {Goal}x the ceiling in each of {rounds} rounds, 0 errors: {(allMet && errors == 0 ? "met" : "NOT met")}");
            return errors == 0 ? 0 : 1;
        }
        finally
        {
            File.Delete(responseFile);
        }
    }

    private static async Task<List<string>> OpenSessionsAsync(Uri address, int count)
    {
        using var http = new HttpClient { BaseAddress = address };
        var ids = new List<string>();
        for (var i = 0; i < count; i++)
        {
            using var opened = await http.PostAsync("/sessions", null);
            opened.EnsureSuccessStatusCode();
            ids.Add((string)JsonNode.Parse(await opened.Content.ReadAsStringAsync())!["session_id"]!);
        }
        await ResetSessionsAsync(address, ids);
        return ids;
    }

    private static async Task ResetSessionsAsync(Uri address, List<string> sessions)
    {
        using var http = new HttpClient { BaseAddress = address };
        for (var i = 0; i < sessions.Count; i++)
        {
            using var reset = await http.PostAsJsonAsync($"/reset?session_id={sessions[i]}",
                new { difficulty = (i % 3) switch { 0 => "easy", 1 => "medium", _ => "hard" }, seed = i });
            reset.EnsureSuccessStatusCode();
        }
    }

    /// <summary>One real VIEW_CODE answer: the ceiling sends exactly these bytes' worth of JSON.</summary>
    private static async Task<byte[]> CaptureStepAsync(Uri address, string session)
    {
        using var http = new HttpClient { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/step") { Content = new StringContent(WrkLoad.StepBody, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Session-Id", session);
        using var response = await http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync();
    }
}
