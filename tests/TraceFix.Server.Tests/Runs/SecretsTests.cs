using System.Net;
using System.Text;
using Microsoft.Data.Sqlite;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Tests.Runs;

public sealed class SecretsTests
{
    private const string Key = "sk-tracefix-test-SECRET-7f3a91";

    [Fact]
    public async Task LlmKey_FromServerConfiguration_NeverReachesStoreApiExportOrLogs()
    {
        await using var app = new TraceFixApp(new Dictionary<string, string?>
        {
            ["TraceFix:Agents:Llm:ApiKey"] = Key,
            ["TraceFix:Agents:Llm:ApiBaseUrl"] = "http://127.0.0.1:9/v1",
            ["TraceFix:Agents:Llm:Model"] = "test-model",
            ["TraceFix:Agents:Llm:MaxRetries"] = "0",
            ["TraceFix:Agents:Llm:RequestTimeout"] = "00:00:05",
        });
        var http = app.CreateClient();

        var runId = await http.StartAsync(new StartRunRequest("llm", Tasks: ["task1_easy"], MaxSteps: 4));
        var detail = await http.WaitForEndAsync(runId);
        var texts = new List<string>
        {
            await http.GetStringAsync($"/api/runs/{runId}"),
            await http.GetStringAsync($"/api/runs/{runId}/export"),
            await http.GetStringAsync("/api/runs"),
            await http.GetStringAsync("/api/leaderboard"),
        };
        await app.DisposeAsyncKeepingFiles();

        Assert.Equal("test-model", detail.Run.Model);
        Assert.NotEmpty(detail.Episodes[0].Steps);
        foreach (var text in texts)
        {
            Assert.DoesNotContain(Key, text);
        }
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(app.Directory, "*", SearchOption.AllDirectories))
        {
            var content = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
            Assert.False(content.Contains(Key, StringComparison.Ordinal), $"the key was written to {file}");
        }
        var log = string.Join('\n', Directory.EnumerateFiles(app.LogDirectory).Select(File.ReadAllText));
        Assert.True(log.Contains($"\"RunId\":\"{runId}\"", StringComparison.Ordinal), "no RunId property in the log:\n" + log);
        Assert.Contains("\"EpisodeId\":", log);
        Assert.Contains("\"RequestPath\":\"/api/runs\"", log);
    }

    [Fact]
    public async Task LlmAgent_WithoutAKeyForTheDefaultEndpoint_IsRefusedWithAFieldError()
    {
        await using var app = new TraceFixApp(new Dictionary<string, string?> { ["TraceFix:Agents:Llm:ApiKey"] = "lm-studio" });
        var response = await app.CreateClient().PostAsync("/api/runs",
            new StringContent("""{"agent":"llm","tasks":["task1_easy"]}""", Encoding.UTF8, "application/json"));

        var problem = await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("HF_TOKEN", problem.GetProperty("errors").GetProperty("agent")[0].GetString());
    }
}
