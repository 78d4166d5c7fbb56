using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.Data.Sqlite;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents.Llm;
using TraceFix.Testing.Fakes;

namespace TraceFix.Server.Tests.Runs;

/// <summary>
/// Named model endpoints through the real host: one run per model on the same tasks and seed, each against its own fake
/// chat server with the key from its environment variable; tokens and cost from the servers' usage; unknown names refused.
/// </summary>
public sealed class ModelCostApiTests
{
    [Fact]
    public async Task SeveralModels_StartOneRunEach_WithTheirEndpointKeyAndCost()
    {
        var variable = $"TRACEFIX_TEST_KEY_{Guid.NewGuid():N}";
        var key = $"sk-model-cost-SECRET-{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, key);
        try
        {
            await using var chatA = await FakeChatServer.StartAsync(ScriptedReply.Action("SUBMIT") with { PromptTokens = 1000, CompletionTokens = 200 });
            await using var chatB = await FakeChatServer.StartAsync(ScriptedReply.Action("SUBMIT") with { PromptTokens = 3000, CompletionTokens = 500 });
            await using var app = new TraceFixApp(Settings(chatA, chatB, variable));
            var http = app.CreateClient();

            var models = await http.GetStringAsync("/api/models");
            var response = await http.PostAsJsonAsync("/api/runs",
                new StartRunRequest("llm", Tasks: ["task1_easy"], MaxSteps: 3, Seed: 7, Models: ["a", "b"]), RunsJsonContext.Default.StartRunRequest);
            var raw = await response.Content.ReadAsStringAsync();
            var accepted = System.Text.Json.JsonSerializer.Deserialize(raw, RunsJsonContext.Default.RunAccepted)!;
            var runA = await http.WaitForEndAsync(accepted.RunIds[0]);
            var runB = await http.WaitForEndAsync(accepted.RunIds[1]);
            var list = await http.GetStringAsync("/api/runs");
            var detailText = await http.GetStringAsync($"/api/runs/{runA.Run.Id}");
            var board = await http.GetFromJsonAsync("/api/leaderboard?agent=llm", RunsJsonContext.Default.ListLeaderboardRow);
            await app.DisposeAsyncKeepingFiles();

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.Equal(2, accepted.RunIds.Count);
            Assert.Equal(accepted.RunId, accepted.RunIds[0]);
            Assert.Equal(("model-a", "a", 7), (runA.Run.Model, runA.Run.ModelEndpoint, runA.Run.Seed));
            Assert.Equal(("model-b", "b", 7), (runB.Run.Model, runB.Run.ModelEndpoint, runB.Run.Seed));
            Assert.Equal(runA.Run.PlannedTasks, runB.Run.PlannedTasks);
            Assert.Equal($"Bearer {key}", Assert.Single(chatA.Requests).Authorization);
            Assert.Equal("Bearer lm-studio", Assert.Single(chatB.Requests).Authorization);

            var stepsA = runA.Episodes[0].Steps;
            Assert.Equal((1000, 200), (stepsA.Sum(s => s.PromptTokens), stepsA.Sum(s => s.CompletionTokens)));
            Assert.Equal((1000L, 200L, 1200L), (runA.Run.PromptTokens, runA.Run.CompletionTokens, runA.Run.TotalTokens));
            Assert.Equal((2.0, 10.0), (runA.Run.InputPricePerMTok, runA.Run.OutputPricePerMTok));
            Assert.Equal(0.004, runA.Run.Cost!.Value, 9);
            Assert.Equal((3000L, 500L), (runB.Run.PromptTokens, runB.Run.CompletionTokens));
            Assert.Equal(0.0035, runB.Run.Cost!.Value, 9);
            var rowA = Assert.Single(board!, r => r.Model == "model-a");
            Assert.Equal(0.004, rowA.Cost!.Value, 9);
            Assert.Equal(rowA.Solved == 0 ? null : 0.004 / rowA.Solved, rowA.CostPerSolved);

            Assert.Contains("\"name\":\"a\"", models);
            Assert.DoesNotContain("\"name\":\"default\"", models);
            Assert.Contains("\"model\":\"model-b\"", models);
            foreach (var text in new[] { models, raw, list, detailText })
            {
                Assert.DoesNotContain(key, text);
                Assert.DoesNotContain(variable, text);
            }
            SqliteConnection.ClearAllPools();
            foreach (var file in Directory.EnumerateFiles(app.Directory, "*", SearchOption.AllDirectories))
            {
                Assert.False(Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file)).Contains(key, StringComparison.Ordinal), $"the key is in {file}");
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Theory]
    [InlineData("""{"agent":"llm","tasks":["task1_easy"],"model":"nope"}""", "model")]
    [InlineData("""{"agent":"llm","tasks":["task1_easy"],"models":["a","nope"]}""", "models")]
    [InlineData("""{"agent":"llm","tasks":["task1_easy"],"models":["a","A"]}""", "models")]
    [InlineData("""{"agent":"llm","tasks":["task1_easy"],"model":"a","models":["b"]}""", "models")]
    [InlineData("""{"agent":"offline","tasks":["task1_easy"],"models":["a"]}""", "models")]
    [InlineData("""{"agent":"llm","tasks":["task1_easy"],"models":[]}""", "models")]
    [InlineData("""{"agent":"llm","tasks":["task1_easy"]}""", "model")]
    [InlineData("""{"agent":"llm","tasks":["task1_easy"],"models":["default","a"]}""", "models")]
    public async Task AnUnknownOrMisusedModel_IsRefused_AndNothingIsStored(string body, string field)
    {
        await using var chat = await FakeChatServer.StartAsync();
        await using var app = new TraceFixApp(Settings(chat, chat, "TRACEFIX_TEST_UNSET_VARIABLE"));
        var http = app.CreateClient();

        var response = await http.PostAsync("/api/runs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var problem = await ApiValidationTests.ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var runs = await http.GetFromJsonAsync("/api/runs", RunsJsonContext.Default.PagedResultRunSummary);
        await app.DisposeAsyncKeepingFiles();

        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(0, runs!.Total);
        Assert.Empty(chat.Requests);
    }

    [Fact]
    public async Task ANamedEndpointThatIsDown_EndsTheEpisodeWithAnErrorStepSayingSo()
    {
        var closed = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        await using var app = new TraceFixApp(new Dictionary<string, string?>
        {
            ["TraceFix:Agents:Llm:MaxRetries"] = "0",
            ["TraceFix:Models:down:BaseUrl"] = $"http://127.0.0.1:{port}/v1",
            ["TraceFix:Models:down:Model"] = "model-down",
        });
        var http = app.CreateClient();

        var runId = await http.StartAsync(new StartRunRequest("llm", Model: "down", Tasks: ["task1_easy"], MaxSteps: 3));
        var detail = await http.WaitForEndAsync(runId);

        Assert.Equal("model-down", detail.Run.Model);
        var episode = Assert.Single(detail.Episodes);
        Assert.Contains(episode.Steps, step => step.Error is not null);
        Assert.Contains($"127.0.0.1:{port}", string.Join("\n", episode.Steps.Select(step => step.Error)) + episode.StopReason + detail.Run.Error);
    }

    /// <summary>Two named endpoints; the default one left unconfigured whatever the machine's HF_TOKEN, so it is not offered.</summary>
    private static Dictionary<string, string?> Settings(FakeChatServer a, FakeChatServer b, string variable) => new()
    {
        ["TraceFix:Agents:Llm:MaxRetries"] = "0",
        ["TraceFix:Agents:Llm:ApiKey"] = LlmAgentOptions.PlaceholderKey,
        ["TraceFix:Agents:Llm:ApiBaseUrl"] = LlmAgentOptions.DefaultBaseUrl,
        ["TraceFix:Models:a:BaseUrl"] = a.ApiBaseUrl,
        ["TraceFix:Models:a:Model"] = "model-a",
        ["TraceFix:Models:a:ApiKeyVariable"] = variable,
        ["TraceFix:Models:a:InputPricePerMTok"] = "2",
        ["TraceFix:Models:a:OutputPricePerMTok"] = "10",
        ["TraceFix:Models:b:BaseUrl"] = b.ApiBaseUrl,
        ["TraceFix:Models:b:Model"] = "model-b",
        ["TraceFix:Models:b:InputPricePerMTok"] = "1",
        ["TraceFix:Models:b:OutputPricePerMTok"] = "1",
    };
}
