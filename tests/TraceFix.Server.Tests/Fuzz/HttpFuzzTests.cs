using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace TraceFix.Server.Tests.Fuzz;

/// <summary>
/// 1,000 seeded mutations per HTTP surface, bodies and headers. Never a 5xx; rejected input never changes the store.
/// </summary>
public sealed class HttpFuzzTests
{
    private const string ValidReset = """{"task_name":"binary_search_off_by_one","seed":3,"episode_id":"e1","difficulty":"easy"}""";
    private const string ValidStep = """{"action":{"thought":"look","action_type":"REPLACE_LINES","start_line":2,"end_line":2,"new_code_block":"    low, high = 0, len(items) - 1","metadata":{}},"timeout_s":5}""";
    private const string ValidStart = """{"agent":"offline","tasks":["task1_easy"],"maxSteps":1,"seed":1}""";

    [Theory]
    [InlineData("/reset", ValidReset, 101)]
    [InlineData("/step", ValidStep, 102)]
    public async Task EnvironmentBodiesAndHeaders_NeverCauseServerErrors(string path, string valid, int seed)
    {
        await using var app = FuzzApp.Create();
        var http = app.CreateClient();
        await http.PostAsync("/reset", new StringContent(ValidReset));
        var fuzz = new JsonFuzzer(seed);
        var statuses = new Dictionary<int, int>();
        for (var i = 0; i < FuzzApp.Cases; i++)
        {
            var request = FuzzedRequest(fuzz, path, valid);
            var sent = Describe(request);
            var response = await http.SendAsync(request);
            statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
            if ((int)response.StatusCode >= 500)
            {
                await FuzzApp.FailWithServerErrorAsync(app, $"case {i}: {(int)response.StatusCode} for {sent}");
            }
        }
        Assert.Equal((0L, 0L, 0L), FuzzApp.Rows(app));
        Assert.True(statuses.Keys.Count(s => s >= 400) >= 2, "the fuzzer never produced rejected input: " + string.Join(",", statuses));
        Assert.Contains(200, statuses.Keys);
    }

    [Fact]
    public async Task RunStartBodies_NeverCauseServerErrors_AndRejectedOnesStoreNothing()
    {
        await using var app = FuzzApp.Create();
        var http = app.CreateClient();
        var fuzz = new JsonFuzzer(103);
        var accepted = 0;
        for (var i = 0; i < FuzzApp.Cases; i++)
        {
            var before = FuzzApp.Rows(app).Runs;
            var request = FuzzedRequest(fuzz, "/api/runs", ValidStart);
            var sent = Describe(request);
            var response = await http.SendAsync(request);
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                await FuzzApp.FailWithServerErrorAsync(app, $"case {i}: {status} for {sent}");
            }
            accepted += status == 202 ? 1 : 0;
            Assert.Equal(before + (status == 202 ? 1 : 0), FuzzApp.Rows(app).Runs);
        }
        Assert.InRange(accepted, 1, FuzzApp.Cases / 2);
    }

    [Fact]
    public async Task ImportFiles_NeverCauseServerErrors_AndRejectedOnesStoreNothing()
    {
        await using var app = FuzzApp.Create();
        var http = app.CreateClient();
        var export = await ExportOfAPlayedRunAsync(http);
        var lines = export.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var fuzz = new JsonFuzzer(104);
        var accepted = 0;
        for (var i = 0; i < FuzzApp.Cases; i++)
        {
            var mutated = lines.Select(l => l).ToList();
            var at = fuzz.Random.Next(mutated.Count);
            switch (fuzz.Random.Next(5))
            {
                case 0:
                    mutated.RemoveAt(at);
                    break;
                case 1:
                    mutated.Insert(fuzz.Random.Next(mutated.Count), mutated[at]);
                    break;
                default:
                    mutated[at] = Encoding.UTF8.GetString(fuzz.Mutate(mutated[at])).Replace('\n', ' ');
                    break;
            }
            var before = FuzzApp.Rows(app);
            var file = string.Join('\n', mutated);
            var response = await http.PostAsync("/api/runs/import", new StringContent(file, Encoding.UTF8, "application/x-ndjson"));
            var status = (int)response.StatusCode;
            if (status >= 500)
            {
                await FuzzApp.FailWithServerErrorAsync(app, $"case {i}: {status} for {file[..Math.Min(file.Length, 3000)]}");
            }
            if (status == 201)
            {
                accepted++;
            }
            else
            {
                Assert.Equal(before, FuzzApp.Rows(app));
            }
        }
        Assert.InRange(accepted, 1, FuzzApp.Cases - 1);
    }

    private static async Task<string> ExportOfAPlayedRunAsync(HttpClient http)
    {
        var start = await http.PostAsync("/api/play", new StringContent("""{"task":"binary_search_off_by_one"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, start.StatusCode);
        var id = System.Text.Json.JsonDocument.Parse(await start.Content.ReadAsStringAsync()).RootElement.GetProperty("sessionId").GetGuid();
        foreach (var type in new[] { "VIEW_CODE", "RUN_TESTS", "SUBMIT" })
        {
            var step = await http.PostAsync($"/api/play/{id}/step",
                new StringContent($$"""{"thought":"t","action_type":"{{type}}"}""", Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.OK, step.StatusCode);
        }
        return await http.GetStringAsync($"/api/runs/{id}/export");
    }

    private static string Describe(HttpRequestMessage request)
    {
        var body = request.Content!.ReadAsByteArrayAsync().Result;
        var text = Encoding.UTF8.GetString(body);
        return $"{request.RequestUri} [{request.Headers.ToString().Replace("\r\n", "; ")}{request.Content.Headers.ToString().Replace("\r\n", "; ")}] {text[..Math.Min(text.Length, 400)]}";
    }

    private static HttpRequestMessage FuzzedRequest(JsonFuzzer fuzz, string path, string valid)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(fuzz.Mutate(valid)) };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzz.Pick("application/json", "application/json; charset=utf-8",
            "text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=utf-16", "garbage/\u00e9;;", ""));
        switch (fuzz.Random.Next(6))
        {
            case 0:
                request.Headers.TryAddWithoutValidation("X-Session-Id", fuzz.Pick("default", "nope", new string('a', 5000), "../../etc", "\u00ff\u00fe", ""));
                break;
            case 1:
                request.Content.Headers.TryAddWithoutValidation("Content-Encoding", fuzz.Pick("gzip", "br", "identity, gzip"));
                break;
            case 2:
                request.Headers.TryAddWithoutValidation("Cookie", "tracefix_session=" + fuzz.Pick("x", "default", new string('z', 3000)));
                break;
            case 3:
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fuzz.Pick("x", new string('k', 4000)));
                break;
        }
        if (fuzz.Random.Next(10) == 0)
        {
            request.RequestUri = new Uri(path + "?session_id=" + Uri.EscapeDataString(fuzz.Pick("x", "default", "\u0000", new string('q', 2000))), UriKind.Relative);
        }
        return request;
    }
}
