using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs.Sharing;
using TraceFix.Server.Store;

namespace TraceFix.Server.Tests.Runs;

/// <summary>Share links through the real host: signed, anonymous to open, expiring, revocable, and surviving a restart.</summary>
public sealed class ShareLinkTests
{
    private const string Key = "share-operator-key-51";

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task Link_OpensWithoutTheKey_SurvivesARestart_AndDiesWithRevocationOrDeletion(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var settings = new Dictionary<string, string?> { ["TraceFix:Security:OperatorKey"] = Key };
        Guid runId;
        ShareLink link;
        await using (var first = new TraceFixApp(settings, database: database))
        {
            var operatorHttp = Operator(first);
            runId = await operatorHttp.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"], MaxSteps: 6));
            await operatorHttp.WaitForEndAsync(runId);

            Assert.Equal(HttpStatusCode.Unauthorized, (await first.CreateClient().PostAsJsonAsync($"/api/runs/{runId}/share", new ShareRequest())).StatusCode);
            var created = await operatorHttp.PostAsJsonAsync($"/api/runs/{runId}/share", new ShareRequest(ExpiresInHours: 2));
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            link = (await created.Content.ReadFromJsonAsync<ShareLink>())!;
            Assert.StartsWith("/shared/", link.Url);
            Assert.Equal(runId, link.RunId);
            Assert.InRange(link.ExpiresAt - DateTimeOffset.UtcNow, TimeSpan.FromHours(1.9), TimeSpan.FromHours(2));
        }

        await using var second = new TraceFixApp(settings, database: database);
        var anonymous = second.CreateClient();
        var token = link.Url["/shared/".Length..];
        var opened = await anonymous.GetFromJsonAsync<SharedRun>($"/api/shared/{token}");
        Assert.Equal((runId, link.Id), (opened!.RunId, opened.LinkId));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/api/runs/{runId}")).StatusCode);

        var forged = token[..^3] + (token[^3] == 'A' ? "B" : "A") + token[^2..];
        await AssertProblemAsync(anonymous, forged, HttpStatusCode.NotFound, "not valid");
        await AssertProblemAsync(anonymous, "not-a-token", HttpStatusCode.NotFound, "not valid");

        var operatorHttp2 = Operator(second);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorHttp2.DeleteAsync($"/api/runs/{runId}/share/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorHttp2.DeleteAsync($"/api/runs/{runId}/share/{link.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await operatorHttp2.DeleteAsync($"/api/runs/{runId}/share/{link.Id}")).StatusCode);
        await AssertProblemAsync(anonymous, token, HttpStatusCode.Gone, "revoked");

        var another = (await (await operatorHttp2.PostAsJsonAsync($"/api/runs/{runId}/share", new ShareRequest())).Content.ReadFromJsonAsync<ShareLink>())!;
        Assert.Equal(HttpStatusCode.NoContent, (await operatorHttp2.DeleteAsync($"/api/runs/{runId}")).StatusCode);
        await AssertProblemAsync(anonymous, another.Url["/shared/".Length..], HttpStatusCode.Gone, "deleted");
    }

    [Fact]
    public async Task ExpiredLink_Is410_AndBadRequestsStoreNothing()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new TraceFixApp(services: s =>
        {
            s.RemoveAll<ShareLinks>();
            s.AddSingleton(sp => new ShareLinks(sp.GetRequiredService<RunStore>(), sp.GetRequiredService<IDataProtectionProvider>(), clock));
        });
        var http = app.CreateClient();
        var runId = await http.StartAsync(new StartRunRequest("offline", Tasks: ["task1_easy"], MaxSteps: 4));
        await http.WaitForEndAsync(runId);

        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/runs/{runId}/share", new ShareRequest(0))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsJsonAsync($"/api/runs/{runId}/share", new ShareRequest(721))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsJsonAsync($"/api/runs/{Guid.NewGuid()}/share", new ShareRequest())).StatusCode);
        var link = (await (await http.PostAsJsonAsync($"/api/runs/{runId}/share", new ShareRequest(1))).Content.ReadFromJsonAsync<ShareLink>())!;
        var token = link.Url["/shared/".Length..];
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync($"/api/shared/{token}")).StatusCode);

        clock.Advance(TimeSpan.FromMinutes(61));

        await AssertProblemAsync(http, token, HttpStatusCode.Gone, "expired");
        var db = app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<TraceFixDb>>().CreateDbContext();
        Assert.Equal(1, db.ShareLinks.Count());
    }

    private static HttpClient Operator(TraceFixApp app)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", Key);
        return http;
    }

    private static async Task AssertProblemAsync(HttpClient http, string token, HttpStatusCode status, string detail)
    {
        var response = await http.GetAsync($"/api/shared/{Uri.EscapeDataString(token)}");
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(detail, await response.Content.ReadAsStringAsync());
    }
}
