using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace TraceFix.Server.Tests.Runs;

public sealed class ApiValidationTests : IAsyncLifetime
{
    private readonly TraceFixApp _app = new(services: TestAgents.Scripted(stepsPerEpisode: 2));
    private HttpClient _http = null!;

    public Task InitializeAsync()
    {
        _http = _app.CreateClient();
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("""{"agent":"wizard","tasks":["task1_easy"]}""", "agent", "unknown agent 'wizard'")]
    [InlineData("""{"tasks":["task1_easy"]}""", "agent", "agent is required")]
    [InlineData("""{"agent":"offline","tasks":["no_such_task"]}""", "tasks", "unknown task 'no_such_task'")]
    [InlineData("""{"agent":"offline","tasks":["task1_easy"],"maxSteps":-3}""", "maxSteps", "between 1 and")]
    [InlineData("""{"agent":"offline","tasks":["task1_easy"],"maxSteps":0}""", "maxSteps", "between 1 and")]
    [InlineData("""{"agent":"offline","difficulty":"legendary"}""", "difficulty", "unknown difficulty")]
    [InlineData("""{"agent":"offline","tasks":["task1_easy"],"difficulty":"easy"}""", "tasks", "not both")]
    [InlineData("""{"agent":"offline","seed":-1}""", "seed", "must not be negative")]
    [InlineData("""{"agent":"replay"}""", "replaySourceRunId", "needs replaySourceRunId")]
    [InlineData("""{"agent":"replay","replaySourceRunId":"6f1c1f3e-0000-4000-8000-000000000000"}""", "replaySourceRunId", "does not exist")]
    [InlineData("""{"agent":"offline","replaySourceRunId":"6f1c1f3e-0000-4000-8000-000000000000"}""", "replaySourceRunId", "only for the replay")]
    [InlineData("""{"agent":"offline","apiKey":"sk-123"}""", "apiKey", "could not be mapped")]
    [InlineData("""{"agent":"offline","maxSteps":"many"}""", "maxSteps", "could not be converted")]
    [InlineData("""{"agent":"offline",""", "body", "")]
    public async Task StartRun_InvalidRequest_Returns400ProblemNamingTheField(string body, string field, string message)
    {
        var response = await _http.PostAsync("/api/runs", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ReadProblemAsync(response, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        var key = errors.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => n.Equals(field, StringComparison.OrdinalIgnoreCase));
        Assert.True(key is not null || field == "body", $"no error for '{field}' in {problem}");
        if (key is not null)
        {
            Assert.Contains(message, string.Join(" | ", errors.GetProperty(key).EnumerateArray().Select(e => e.GetString())));
        }
        Assert.Empty((await _http.GetFromJsonAsync<JsonElement>("/api/runs")).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task StartRun_OversizedBody_Returns413Problem()
    {
        var huge = $$"""{"agent":"offline","model":"{{new string('x', 200_000)}}"}""";

        var response = await _http.PostAsync("/api/runs", new StringContent(huge, Encoding.UTF8, "application/json"));

        var problem = await ReadProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("at most", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/api/runs?status=sleeping", "status")]
    [InlineData("/api/runs?page=0", "page")]
    [InlineData("/api/runs?pageSize=100000", "pageSize")]
    [InlineData("/api/runs?agent=wizard", "agent")]
    [InlineData("/api/runs/00000000-0000-0000-0000-000000000001/steps?after=-1", "after")]
    public async Task ListQueries_InvalidValues_Return400Problem(string url, string field)
    {
        var problem = await ReadProblemAsync(await _http.GetAsync(url), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/runs/00000000-0000-0000-0000-000000000001")]
    [InlineData("/api/runs/00000000-0000-0000-0000-000000000001/export")]
    [InlineData("/api/episodes/987654")]
    [InlineData("/api/tasks/no_such_task")]
    [InlineData("/api/no/such/route")]
    public async Task UnknownThings_Return404Problem(string url) =>
        await ReadProblemAsync(await _http.GetAsync(url), HttpStatusCode.NotFound);

    [Fact]
    public async Task Play_InvalidRequests_ReturnProblems()
    {
        var unknown = await _http.PostAsJsonAsync("/api/play", new { task = "nope" });
        Assert.True((await ReadProblemAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("task", out _));
        var badAction = await _http.PostAsync($"/api/play/{Guid.NewGuid()}/step",
            new StringContent("""{"action_type":"FLY"}""", Encoding.UTF8, "application/json"));
        await ReadProblemAsync(badAction, HttpStatusCode.BadRequest);
        var missing = await _http.PostAsJsonAsync($"/api/play/{Guid.NewGuid()}/step", new { action_type = "VIEW_CODE" });
        await ReadProblemAsync(missing, HttpStatusCode.NotFound);
    }

    internal static async Task<JsonElement> ReadProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"expected {expected}, got {response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }
}
