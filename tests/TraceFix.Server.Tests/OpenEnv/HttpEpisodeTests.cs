using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace TraceFix.Server.Tests.OpenEnv;

public sealed class HttpEpisodeTests(SharedServer shared) : IClassFixture<SharedServer>
{
    private const string Task = "binary_search_off_by_one";

    [Fact]
    public async Task FullEpisode_OverTheDefaultSession_PersistsBetweenRequests()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();

        var reset = await PostAsync(http, "/reset", new { task_name = Task, episode_id = "http-1", whatever = "ignored" });
        Assert.Null(reset["reward"]?.GetValue<double?>());
        Assert.Equal(Task, (string?)reset["observation"]!["info"]!["task_name"]);

        await PostAsync(http, "/step", new { action = Actions.Of("VIEW_CODE") });
        await PostAsync(http, "/step", new { action = TaskFiles.ReplaceWithFix(Task), request_id = "r1", timeout_s = 30 });
        var run = await PostAsync(http, "/step", new { action = Actions.Of("RUN_TESTS") });
        Assert.Contains("SUCCESS: ALL TESTS PASSED", (string)run["observation"]!["last_execution_output"]!);
        var submit = await PostAsync(http, "/step", new { action = Actions.Of("SUBMIT") });
        Assert.True((bool)submit["done"]!);
        Assert.Equal(0.98, (double)submit["metadata"]!["final_score"]!, 6);

        var state = JsonNode.Parse(await http.GetStringAsync("/state"))!;
        Assert.Equal("http-1", (string?)state["episode_id"]);
        Assert.Equal(4, (int)state["step_count"]!);
    }

    [Fact]
    public async Task EmptyResetBody_StartsAnEpisode()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();

        using var response = await http.PostAsync("/reset", null);

        response.EnsureSuccessStatusCode();
        Assert.Equal("default", response.Headers.GetValues("X-Session-Id").Single());
    }

    [Fact]
    public async Task PrivateSessions_KeepSeparateEpisodes_AndCanBeClosed()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();
        var a = await OpenSessionAsync(http);
        var b = await OpenSessionAsync(http);

        await PostAsync(http, $"/reset?session_id={a}", new { task_name = Task });
        await PostAsync(http, "/reset", new { task_name = "sum_even_wrong_condition", session_id = b });
        await PostAsync(http, $"/step?session_id={a}", new { action = Actions.Replace(1, 1, "# edited in A") });

        var stateA = JsonNode.Parse(await http.GetStringAsync($"/state?session_id={a}"))!;
        using var requestB = new HttpRequestMessage(HttpMethod.Get, "/state");
        requestB.Headers.Add("X-Session-Id", b);
        var stateB = JsonNode.Parse(await (await http.SendAsync(requestB)).Content.ReadAsStringAsync())!;
        Assert.Equal(Task, (string?)stateA["task_name"]);
        Assert.Equal(1, (int)stateA["step_count"]!);
        Assert.Equal("sum_even_wrong_condition", (string?)stateB["task_name"]);
        Assert.Equal(0, (int)stateB["step_count"]!);

        Assert.Equal(HttpStatusCode.NoContent, (await http.DeleteAsync($"/sessions/{a}")).StatusCode);
        var gone = await http.GetAsync($"/state?session_id={a}");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("SESSION_ERROR", (string?)JsonNode.Parse(await gone.Content.ReadAsStringAsync())!["code"]);
    }

    [Fact]
    public async Task SessionCookie_IsHonoured()
    {
        var server = shared.Server;
        using var handler = new HttpClientHandler { UseCookies = true };
        using var http = new HttpClient(handler) { BaseAddress = server.BaseAddress };
        var id = await OpenSessionAsync(http);

        using var reset = await http.PostAsJsonAsync("/reset", new { task_name = Task });

        Assert.Equal(id, reset.Headers.GetValues("X-Session-Id").Single());
    }

    [Fact]
    public async Task InvalidAction_Is422WithFastApiDetail()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();
        await PostAsync(http, "/reset", new { task_name = Task });

        var response = await http.PostAsJsonAsync("/step", new { action = new { thought = "t", action_type = "REPLACE_LINES", start_line = "12", end_line = 12.5, extra = 1 } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("VALIDATION_ERROR", (string?)body["code"]);
        var detail = body["detail"]!.AsArray();
        Assert.Contains(detail, e => (string?)e!["loc"]![2] == "start_line" && (string?)e["type"] == "int_type" && (string?)e["input"] == "12");
        Assert.Contains(detail, e => (string?)e!["loc"]![2] == "end_line" && (string?)e["type"] == "int_type");
        Assert.Contains(detail, e => (string?)e!["loc"]![2] == "extra" && (string?)e["type"] == "extra_forbidden");
        Assert.All(detail, e => Assert.Equal(["body", "action"], e!["loc"]!.AsArray().Take(2).Select(n => (string?)n)));
        var state = JsonNode.Parse(await http.GetStringAsync("/state"))!;
        Assert.Equal(0, (int)state["step_count"]!);
    }

    [Theory]
    [InlineData("/step", "{nope", "json_invalid")]
    [InlineData("/step", "{}", "missing")]
    [InlineData("/step", "[1]", "model_type")]
    [InlineData("/reset", "{\"seed\": \"x\"}", "int_type")]
    [InlineData("/reset", "{\"seed\": -1}", "greater_than_equal")]
    [InlineData("/reset", "[]", "dict_type")]
    public async Task MalformedBodies_Are422(string path, string body, string errorType)
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();

        var response = await http.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.AsArray();
        Assert.Equal(errorType, (string?)detail[0]!["type"]);
    }

    [Fact]
    public async Task UnknownTask_Is400ProblemListingKnownTasks()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/reset", new { task_name = "nope" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("EXECUTION_ERROR", (string?)problem["code"]);
        Assert.Contains("binary_search_off_by_one", (string?)problem["detail"]);
    }

    [Fact]
    public async Task StepAfterDone_Is409Problem()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();
        await PostAsync(http, "/reset", new { task_name = Task });
        await PostAsync(http, "/step", new { action = Actions.Of("SUBMIT") });

        var response = await http.PostAsJsonAsync("/step", new { action = Actions.Of("VIEW_CODE") });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("EXECUTION_ERROR", (string?)problem["code"]);
        Assert.Equal("step() called on a finished episode. Call reset() first.", (string?)problem["detail"]);
    }

    [Fact]
    public async Task UnknownSessionHandle_Is404()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();

        var response = await http.PostAsJsonAsync("/step?session_id=deadbeef", new { action = Actions.Of("VIEW_CODE") });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("SESSION_ERROR", (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["code"]);
    }

    [Fact]
    public async Task DescriptionEndpoints_DescribeTheEnvironment()
    {
        var server = shared.Server;
        using var http = server.CreateHttpClient();

        var health = JsonNode.Parse(await http.GetStringAsync("/health"))!;
        var schema = JsonNode.Parse(await http.GetStringAsync("/schema"))!;
        var metadata = JsonNode.Parse(await http.GetStringAsync("/metadata"))!;
        var openApi = JsonNode.Parse(await http.GetStringAsync("/openapi.json"))!;
        var docs = await http.GetAsync("/docs");

        Assert.Equal("healthy", (string?)health["status"]);
        Assert.False((bool)schema["action"]!["additionalProperties"]!);
        Assert.Contains("REPLACE_LINES", schema["action"]!["properties"]!["action_type"]!["enum"]!.AsArray().Select(n => (string?)n));
        Assert.NotNull(schema["observation"]!["properties"]!["code_dict"]);
        Assert.NotNull(schema["state"]!["properties"]!["episode_id"]);
        Assert.Equal("tracefix_rl", (string?)metadata["name"]);
        Assert.NotNull(openApi["paths"]!["/step"]);
        Assert.NotNull(openApi["paths"]!["/reset"]);
        Assert.Equal(HttpStatusCode.OK, docs.StatusCode);
    }

    private static async Task<string> OpenSessionAsync(HttpClient http)
    {
        using var response = await http.PostAsync("/sessions", null);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["session_id"]!;
        Assert.Equal(id, response.Headers.GetValues("X-Session-Id").Single());
        return id;
    }

    internal static async Task<JsonNode> PostAsync(HttpClient http, string path, object body)
    {
        using var response = await http.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!;
    }
}
