using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace TraceFix.Server.Tests.Security;

public sealed class RateLimitTests
{
    private const string Start = """{"agent":"offline","tasks":["task1_easy"],"maxSteps":1}""";

    [Fact]
    public async Task RunStarts_BeyondTheLimit_Get429ProblemWithRetryAfter_AndStoreNothing()
    {
        await using var app = AuthorizationTests.Create(key: null, starts: 2);
        var http = app.CreateClient();

        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(AuthorizationTests.Request("POST", "/api/runs", Start))).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await http.SendAsync(AuthorizationTests.Request("POST", "/api/runs", Start))).StatusCode);
        var rejected = await http.SendAsync(AuthorizationTests.Request("POST", "/api/runs", Start));
        var play = await http.SendAsync(AuthorizationTests.Request("POST", "/api/play", "{}"));

        foreach (var response in new[] { rejected, play })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.True(response.Headers.RetryAfter?.Delta is { TotalSeconds: >= 1 and <= 60 }, $"Retry-After: {response.Headers.RetryAfter}");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(429, problem.RootElement.GetProperty("status").GetInt32());
        }
        Assert.Equal(2, AuthorizationTests.CountRows(app, "runs"));
        // Reads and environment steps are not limited.
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/runs")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.PostAsync("/reset", null)).StatusCode);
    }

    [Fact]
    public async Task CallersWithoutTheKey_CannotUseUpTheOperatorsPermits()
    {
        await using var app = AuthorizationTests.Create(starts: 1);
        var http = app.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.SendAsync(AuthorizationTests.Request("POST", "/api/runs", Start))).StatusCode);
        }
        var operatorStart = await http.SendAsync(AuthorizationTests.Request("POST", "/api/runs", Start,
            h => h.Authorization = new AuthenticationHeaderValue("Bearer", AuthorizationTests.Key)));
        Assert.Equal(HttpStatusCode.Accepted, operatorStart.StatusCode);
    }
}
