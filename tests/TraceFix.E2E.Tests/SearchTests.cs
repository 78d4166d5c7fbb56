using System.Net.Http.Json;
using TraceFix.Contracts.Runs;
using static Microsoft.Playwright.Assertions;

namespace TraceFix.E2E.Tests;

/// <summary>Searching inside a stored run: the server finds the steps, the timeline marks them, n jumps between them.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchTests(BrowserFixture fixture)
{
    [Fact]
    public async Task Search_MarksTheMatchingSteps_AndNJumpsToThem()
    {
        using var http = new HttpClient { BaseAddress = fixture.Server.BaseAddress };
        var started = await http.PostAsJsonAsync("/api/runs", new StartRunRequest(AgentKinds.Offline, Tasks: [Trajectories.Task], MaxSteps: 10));
        var runId = (await started.Content.ReadFromJsonAsync<RunAccepted>())!.RunId;

        var (page, errors) = await fixture.NewPageAsync();
        await page.OpenAsync($"/runs/{runId}?episode=1&step=1");
        await Expect(page.Locator(".run-head .badge.status-completed")).ToBeVisibleAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        var detail = await fixture.Server.Store.GetDetailAsync(runId);
        var runs = detail!.Episodes[0].Steps.Where(s => s.Action.Type.ToString() == "RUN_TESTS").Select(s => s.Sequence).ToList();
        Assert.True(runs.Count >= 2, $"{runs.Count} test runs in the run");

        await page.Keyboard.PressAsync("/");
        await Expect(page.Locator("#run-search")).ToBeFocusedAsync();
        await page.Locator("#search-action").SelectOptionAsync("RUN_TESTS");

        await Expect(page.Locator(".search-count")).ToHaveTextAsync($"{runs.Count} matches");
        await Expect(page.Locator(".step-row.match")).ToHaveCountAsync(runs.Count);
        await page.Locator("body").ClickAsync(new() { Position = new() { X = 5, Y = 700 } });
        // The page opened at step 1; n goes to the next match after it, N back to the one before.
        var next = runs.First(r => r > 1);
        await page.Keyboard.PressAsync("n");
        await Expect(page.Locator(".step-row.selected")).ToHaveAttributeAsync("data-step", next.ToString());
        await page.Keyboard.PressAsync("N");
        await Expect(page.Locator(".step-row.selected")).ToHaveAttributeAsync("data-step", runs.Last(r => r < next).ToString());
        await page.Keyboard.PressAsync("n");
        await Screenshots.TakeAsync(page, "13-search");
        Assert.Empty(errors);
    }
}
