using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using TraceFix.Contracts.Runs;
using TraceFix.Testing.Fakes;

namespace TraceFix.Server.Tests.Runs;

/// <summary>An LLM run against the fake chat server: each model-backed step's exchange is stored and served, without the key.</summary>
public sealed class ModelExchangeApiTests
{
    private const string Key = "sk-exchange-test-SECRET-41c2";

    [Fact]
    public async Task LlmRun_StoresTheExchangePerStep_AndServesItWithoutTheKey()
    {
        await using var chat = await FakeChatServer.StartAsync(ScriptedReply.Action("RUN_TESTS"), ScriptedReply.Action("SUBMIT"));
        await using var app = new TraceFixApp(new Dictionary<string, string?>
        {
            ["TraceFix:Agents:Llm:ApiKey"] = Key,
            ["TraceFix:Agents:Llm:ApiBaseUrl"] = chat.ApiBaseUrl,
            ["TraceFix:Agents:Llm:Model"] = "fake-model",
            ["TraceFix:Agents:Llm:MaxRetries"] = "0",
        });
        var http = app.CreateClient();

        var runId = await http.StartAsync(new StartRunRequest("llm", Tasks: ["task1_easy"], MaxSteps: 3));
        var detail = await http.WaitForEndAsync(runId);
        var steps = detail.Episodes[0].Steps;
        var viewCode = await http.GetAsync($"/api/runs/{runId}/steps/{steps[0].Sequence}/exchange");
        var raw = await http.GetStringAsync($"/api/runs/{runId}/steps/{steps[1].Sequence}/exchange");
        var exchange = await http.GetFromJsonAsync($"/api/runs/{runId}/steps/{steps[1].Sequence}/exchange", RunsJsonContext.Default.ModelExchange);
        await app.DisposeAsyncKeepingFiles();

        await ApiValidationTests.ReadProblemAsync(viewCode, HttpStatusCode.NotFound);
        Assert.Equal(steps[1].Sequence, exchange!.Sequence);
        Assert.True(exchange.SystemPromptSent);
        Assert.Equal("fake-model", exchange.Model);
        Assert.Contains("RUN_TESTS", Assert.Single(exchange.Calls).Response);
        Assert.Equal(steps[1].PromptTokens, exchange.PromptTokens);
        Assert.DoesNotContain(Key, raw);
        Assert.DoesNotContain("Bearer", raw);
        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.EnumerateFiles(app.Directory, "*", SearchOption.AllDirectories))
        {
            Assert.False(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).Contains(Key, StringComparison.Ordinal), $"the key is in {file}");
        }
    }
}
