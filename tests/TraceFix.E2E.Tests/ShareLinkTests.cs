using System.Net.Http.Json;
using TraceFix.Contracts.Runs;
using static Microsoft.Playwright.Assertions;

namespace TraceFix.E2E.Tests;

/// <summary>Share a run from its page, open the link in another browser context (read-only view), then revoke it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ShareLinkTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ShareButton_GivesALinkThatOpensReadOnly_UntilItIsRevoked()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var started = await http.PostAsJsonAsync("/api/runs", new StartRunRequest(AgentKinds.Offline, Tasks: [Trajectories.Task], MaxSteps: 10));
        var runId = (await started.Content.ReadFromJsonAsync<RunAccepted>())!.RunId;

        var (owner, ownerErrors) = await fixture.NewPageAsync();
        await owner.OpenAsync($"/runs/{runId}");
        await Expect(owner.Locator(".run-head .badge.status-completed")).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        await owner.Locator("#share-run").ClickAsync();
        var url = await owner.Locator("#share-url").InputValueAsync();
        Assert.Contains("/shared/", url);

        var (viewer, viewerErrors) = await fixture.NewPageAsync();
        await viewer.OpenAsync(url);
        await Expect(viewer.Locator(".share-expiry")).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        await Expect(viewer.Locator(".step-row").First).ToBeVisibleAsync();
        await Expect(viewer.Locator("#share-run")).ToHaveCountAsync(0);
        await Expect(viewer.Locator(".fork-step")).ToHaveCountAsync(0);
        await Screenshots.TakeAsync(viewer, "12-shared-run");

        await owner.Locator("#share-revoke").ClickAsync();
        await Expect(owner.Locator(".share-status")).ToContainTextAsync("revoked");
        await viewer.OpenAsync(url);
        await Expect(viewer.Locator(".share-problem")).ToContainTextAsync("revoked", new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        Assert.Empty(ownerErrors);
        // The revoked link's 410 shows in the page; the browser also logs the failed request itself.
        Assert.All(viewerErrors, e => Assert.Contains("410", e));
    }
}
