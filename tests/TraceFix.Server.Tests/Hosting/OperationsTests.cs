using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Tests.Runs;

namespace TraceFix.Server.Tests.Hosting;

/// <summary>Health probes and the Prometheus scrape, as an orchestrator and a monitoring system see them.</summary>
[Collection(MetricsCollection.Name)]
public sealed partial class OperationsTests
{
    [Fact]
    public async Task Metrics_AfterARun_ShowTheProductCountersMoved()
    {
        await using var app = new TraceFixApp();
        var http = app.CreateClient();
        var before = Counter(await http.GetStringAsync("/metrics"), "tracefix_steps_recorded_total");

        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"], Seed: 1));
        var detail = await http.WaitForEndAsync(runId);
        var stored = detail.Episodes.Sum(e => e.Steps.Count);

        var metrics = await http.GetStringAsync("/metrics");
        // At least this run's steps: hosts of other tests in this process may add theirs to the same meter name.
        Assert.True(Counter(metrics, "tracefix_steps_recorded_total") >= before + stored);
        Assert.True(Counter(metrics, "tracefix_runs_queued_total") >= 1);
        Assert.True(Counter(metrics, "tracefix_runs_claimed_total") >= 1);
        Assert.Contains("tracefix_runs_finished_total{", metrics);
        Assert.Contains("tracefix_runs_active", metrics);
        Assert.True(Counter(metrics, "tracefix_sandbox_runs_total") >= 1);
        Assert.Contains("tracefix_sandbox_pool_wait", metrics);
        Assert.Contains("http_server_request_duration_seconds", metrics);
    }

    [Fact]
    public async Task HealthProbes_NameEachCheck_AndKeepOpenEnvHealth()
    {
        await using var app = new TraceFixApp(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = "127.0.0.1:1,password=redis-secret-77",
        });
        var http = app.CreateClient();

        var live = await http.GetAsync("/health/live");
        var ready = await http.GetAsync("/health/ready");
        var openEnv = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        // Redis is configured but nothing listens on port 1: not ready, and the report says which part is missing.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        var checks = JsonDocument.Parse(body).RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("sandbox").GetProperty("status").GetString());
        // Which resource limits are in force (cgroup v2 or the watchdog) is said, as in the start-up log.
        Assert.Contains("limits by ", checks.GetProperty("sandbox").GetProperty("description").GetString());
        Assert.Equal("unhealthy", checks.GetProperty("redis").GetProperty("status").GetString());
        Assert.DoesNotContain("redis-secret-77", body);
        Assert.Equal(HttpStatusCode.OK, openEnv.StatusCode);
        Assert.Equal("healthy", JsonDocument.Parse(await openEnv.Content.ReadAsStringAsync()).RootElement.GetProperty("status").GetString());

        await app.DisposeAsyncKeepingFiles();
        var logs = string.Concat(Directory.GetFiles(app.LogDirectory).Select(File.ReadAllText));
        Assert.DoesNotContain("redis-secret-77", logs);
    }

    private static double Counter(string metrics, string name) =>
        MetricLine(name).Matches(metrics).Sum(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));

    private static Regex MetricLine(string name) => new($"^{Regex.Escape(name)}(?:{{[^}}]*}})? ([0-9.eE+-]+)", RegexOptions.Multiline);
}
