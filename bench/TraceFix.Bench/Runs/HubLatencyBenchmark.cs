using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents;
using TraceFix.Server.Runs;

namespace TraceFix.Bench.Runs;

/// <summary>
/// Engine → SignalR client latency with many viewers: a run of paced steps on the real environment, watched by N WebSocket
/// clients on Kestrel; latency = receipt time − the step's timestamp (taken when the environment answered, before the commit).
/// </summary>
public sealed class HubLatencyBenchmark : IBenchmark
{
    public string Name => "hub-latency";

    public string Description => "step latency engine -> 50 SignalR viewers (goal p95 <= 50 ms); args: [viewers=50] [episodes=6] [stepsPerEpisode=50] [paceMs=10]";

    public async Task<int> RunAsync(string[] args)
    {
        var viewers = args.Length > 0 ? int.Parse(args[0]) : 50;
        var episodes = args.Length > 1 ? int.Parse(args[1]) : 6;
        var stepsPerEpisode = args.Length > 2 ? int.Parse(args[2]) : 50;
        var pace = TimeSpan.FromMilliseconds(args.Length > 3 ? int.Parse(args[3]) : 10);
        using var gate = new SemaphoreSlim(0);
        await using var host = new BenchHost(services => services.AddSingleton(new RunAgentRegistration(
            AgentKinds.Offline, (_, _) => "paced", (_, _, _) => ValueTask.FromResult<IAgent>(new PacedAgent(stepsPerEpisode, pace, gate)))));
        var baseAddress = host.Start();
        using var http = new HttpClient { BaseAddress = baseAddress };

        var response = await http.PostAsJsonAsync("/api/runs",
            new StartRunRequest("offline", Tasks: [.. Enumerable.Repeat("task1_easy", episodes)], MaxSteps: stepsPerEpisode), RunsJsonContext.Default.StartRunRequest);
        var runId = (await response.Content.ReadFromJsonAsync(RunsJsonContext.Default.RunAccepted))!.RunId;

        var connections = new List<HubConnection>();
        for (var i = 0; i < viewers; i++)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(baseAddress, RunsHubMethods.Path), o => { o.Transports = HttpTransportType.WebSockets; o.SkipNegotiation = true; })
                .Build();
            await connection.StartAsync();
            connections.Add(connection);
        }
        var latencies = new ConcurrentBag<double>();
        var counts = new int[viewers];
        var watchers = connections.Select(async (connection, v) =>
        {
            await foreach (var item in connection.StreamAsync<StepRecorded>(RunsHubMethods.WatchRun, runId, 0L))
            {
                latencies.Add((DateTimeOffset.UtcNow - item.Step.Timestamp).TotalMilliseconds);
                counts[v]++;
            }
        }).ToList();
        await Task.Delay(500);
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        gate.Release(int.MaxValue / 2);
        await Task.WhenAll(watchers);
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        wall.Stop();
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        var expected = episodes * stepsPerEpisode;
        Console.WriteLine($"hub-latency: {viewers} viewers x {expected} steps; every viewer got all steps: {counts.All(c => c == expected)}");
        Console.WriteLine($"  engine -> client: {Percentiles.Describe([.. latencies])} (goal p95 <= 50 ms)");
        Console.WriteLine($"  {wall.Elapsed.TotalSeconds:F1}s wall, {cpu.TotalSeconds:F1}s CPU (server + 50 clients + sandbox host side); load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        return counts.All(c => c == expected) ? 0 : 1;
    }

    /// <summary>Alternates VIEW_CODE and RUN_TESTS on the real environment, one step per pace interval.</summary>
    private sealed class PacedAgent(int steps, TimeSpan pace, SemaphoreSlim gate) : IAgent
    {
        private int _step;

        public string Kind => "offline";

        public string Model => "paced";

        public void BeginEpisode(EpisodeContext context) => _step = 0;

        public async ValueTask<AgentDecision> DecideAsync(StepResult current, CancellationToken cancellationToken)
        {
            await gate.WaitAsync(cancellationToken);
            gate.Release();
            await Task.Delay(pace, cancellationToken);
            _step++;
            var type = _step >= steps ? ActionType.SUBMIT : _step % 2 == 1 ? ActionType.VIEW_CODE : ActionType.RUN_TESTS;
            return AgentDecision.Act(CodeAction.Of(type, $"paced step {_step}"));
        }
    }
}
