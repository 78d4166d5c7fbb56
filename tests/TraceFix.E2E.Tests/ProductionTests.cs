using System.Net;
using System.Net.Http.Json;
using TraceFix.Contracts.Runs;
using static Microsoft.Playwright.Assertions;

namespace TraceFix.E2E.Tests;

/// <summary>The dashboard served in Production from the build output, as <c>./run.sh</c> and operators run it.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ProductionTests(BrowserFixture fixture)
{
    [Fact]
    public async Task ProductionFromBuildOutput_ServesTheDashboardAndARunPage()
    {
        await using var server = await ProductionServer.StartAsync(ProductionServer.BuildOutputDll());
        Assert.Contains("Hosting environment: Production", server.Output);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        foreach (var path in new[] { "/", "/_framework/blazor.webassembly.js", $"/runs/{Guid.NewGuid()}" })
        {
            var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
        var started = await http.PostAsJsonAsync("/api/runs", new StartRunRequest(AgentKinds.Offline, Tasks: [Trajectories.Task], MaxSteps: 10));
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var runId = (await started.Content.ReadFromJsonAsync<RunAccepted>())!.RunId;

        var (page, errors) = await fixture.NewPageAsync();
        await page.OpenAsync(server.BaseAddress.ToString());
        await Expect(page.Locator($".run-row[data-run='{runId}']")).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        await page.OpenAsync(new Uri(server.BaseAddress, $"/runs/{runId}").ToString());
        await Expect(page.Locator(".step-row").First).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        await Expect(page.Locator(".run-head .badge.status-completed")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ProductionFromPublishOutput_ServesTheDashboard()
    {
        await using var server = await ProductionServer.StartAsync(await ProductionServer.PublishedDllAsync());
        Assert.Contains("Hosting environment: Production", server.Output);
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        foreach (var path in new[] { "/", "/_framework/blazor.webassembly.js", $"/runs/{Guid.NewGuid()}", "/api/tasks" })
        {
            var response = await http.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }

        var (page, errors) = await fixture.NewPageAsync();
        await page.OpenAsync(server.BaseAddress.ToString());
        await Expect(page.Locator("#new-run")).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        Assert.Empty(errors);
    }
}
