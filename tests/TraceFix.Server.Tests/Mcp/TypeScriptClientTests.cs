using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Testing;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Tasks;
using TraceFix.Server.Tests.OpenEnv;

namespace TraceFix.Server.Tests.Mcp;

/// <summary>
/// End to end with the official TypeScript MCP client over Streamable HTTP against the real server on a real socket:
/// it initializes, lists the tools and solves a built-in task through tools alone; the episode is recorded as an mcp run.
/// </summary>
public sealed class TypeScriptClientTests
{
    private const string TaskName = "binary_search_off_by_one";
    private const string Key = "ts-client-key-TEST-77a1";

    [Fact]
    public async Task OfficialTypeScriptClient_SolvesATaskThroughToolsAlone_AndTheRunIsRecorded()
    {
        await using var app = new TraceFixApp(new Dictionary<string, string?> { ["TraceFix:Security:OperatorKey"] = Key });
        app.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        app.StartServer();
        var baseAddress = app.ClientOptions.BaseAddress;
        var fix = Path.Combine(TaskCatalog.FindBuiltInDirectory()!, TaskName, "fixed.py");

        var result = await TypeScriptMcpClient.RunAsync("solve-task.mjs", [new Uri(baseAddress, "/mcp").ToString(), TaskName, fix],
            new Dictionary<string, string> { ["TRACEFIX_KEY"] = Key });

        Assert.True(result.ExitCode == 0, result.ToString());
        var report = JsonNode.Parse(result.StdOut.Trim().Split('\n')[^1])!;
        Assert.Equal("tracefix_rl", (string?)report["server"]!["name"]);
        Assert.NotNull(report["capabilities"]!["tools"]);
        Assert.False(string.IsNullOrEmpty((string?)report["sessionId"]));
        Assert.Contains("submit", report["tools"]!.AsArray().Select(t => (string)t!));
        Assert.True((int)report["before"]!["structured"]!["tests_passed"]! < (int)report["before"]!["structured"]!["tests_total"]!);
        Assert.Contains("SUCCESS: ALL TESTS PASSED", (string)report["after"]!["text"]!);
        Assert.True((bool)report["submit"]!["structured"]!["done"]!);
        Assert.Equal(0.98, (double)report["submit"]!["structured"]!["final_score"]!);
        Assert.True((bool)report["afterDone"]!["isError"]!);
        Assert.Equal("-32602", (string?)report["unknownTool"]);

        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Key);
        var runs = await http.GetFromJsonAsync("/api/runs?agent=mcp", RunsJsonContext.Default.PagedResultRunSummary);
        var run = Assert.Single(runs!.Items);
        Assert.Equal("tracefix-e2e 1.2.3", run.Model);
        var detail = await McpSocketTests.WaitForEndAsync(http, run.Id);
        Assert.Equal(RunStatus.Completed, detail.Run.Status);
        var episode = Assert.Single(detail.Episodes);
        Assert.True(episode.Success);
        Assert.Equal(TaskName, episode.TaskName);
        Assert.Equal(4, episode.Steps.Count);
        Assert.All(episode.Steps, s => Assert.StartsWith("calling ", s.Thought));
    }
}
