using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Server.Store;

namespace TraceFix.Bench.Runs;

/// <summary>Time of <c>GET /api/runs/{id}</c> over real HTTP for a run with 1,000 stored steps.</summary>
public sealed class DetailApiBenchmark : IBenchmark
{
    public string Name => "detail-api";

    public string Description => "GET /api/runs/{id} for a 1,000-step run over Kestrel (goal p95 <= 200 ms); args: [steps=1000] [requests=50]";

    public async Task<int> RunAsync(string[] args)
    {
        var steps = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var requests = args.Length > 1 ? int.Parse(args[1]) : 50;
        await using var host = new BenchHost();
        var baseAddress = host.Start();
        var store = host.Services.GetRequiredService<RunStore>();
        var runId = Guid.CreateVersion7();
        var episodes = (steps + 49) / 50;
        await store.CreateRunAsync(BenchSteps.Run(runId, episodes));
        long sequence = 0;
        for (var e = 0; e < episodes; e++)
        {
            var episode = BenchSteps.Episode(runId, e);
            await store.StartEpisodeAsync(episode);
            for (var i = 1; i <= 50 && sequence < steps; i++)
            {
                await store.AppendStepAsync(BenchSteps.Step(runId, episode.Id, ++sequence, i));
            }
        }

        using var http = new HttpClient { BaseAddress = baseAddress };
        var url = $"/api/runs/{runId}";
        long bytes = 0;
        for (var i = 0; i < 5; i++)
        {
            bytes = (await http.GetByteArrayAsync(url)).Length;
        }
        var samples = new List<double>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        for (var i = 0; i < requests; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var body = await http.GetByteArrayAsync(url);
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            bytes = body.Length;
        }
        var query = new List<double>();
        var serialize = new List<double>();
        for (var i = 0; i < 20; i++)
        {
            var started = Stopwatch.GetTimestamp();
            var detail = await store.GetDetailAsync(runId);
            query.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            started = Stopwatch.GetTimestamp();
            System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(detail!, TraceFix.Contracts.Runs.RunsJsonContext.Default.RunDetail);
            serialize.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        Console.WriteLine($"  in process: store query {Percentiles.Describe(query)}; JSON {Percentiles.Describe(serialize)}");
        Console.WriteLine($"detail-api: run with {steps} steps in {episodes} episodes, response {bytes / 1024} KiB");
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        Console.WriteLine($"  GET {url}: {Percentiles.Describe(samples)} (goal p95 <= 200 ms)");
        // Client and server share this process; on an overloaded machine the CPU time per request is the steadier figure.
        Console.WriteLine($"  CPU per request (server + client): {cpu.TotalMilliseconds / requests:F1} ms; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return 0;
    }
}
