using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using static Microsoft.Playwright.Assertions;

namespace TraceFix.E2E.Tests;

[Collection(BrowserCollection.Name)]
public sealed class ForkTests(BrowserFixture fixture)
{
    private static readonly LocatorAssertionsToBeVisibleOptions Booted = new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds };

    [Fact]
    public async Task ForkFromAStep_StartsAnOfflineRunThere_LinkedToItsParent_AndComparedFromTheForkPoint()
    {
        var parent = await Trajectories.ImportAsync(fixture.Server, "model-fork", Trajectories.Solve(), solved: true);
        var (page, errors) = await fixture.NewPageAsync();
        await page.OpenAsync($"/runs/{parent}?episode=1&step=2");
        await Expect(page.Locator(".player .position")).ToHaveTextAsync("step 2 / 5", new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });

        await page.Locator("#fork-step").ClickAsync();
        await Expect(page.Locator("#fork-note")).ToBeVisibleAsync(Booted);
        await Expect(page.Locator("#fork-note")).ToContainTextAsync($"run {RunIdText.Short(parent)} from step 2");
        await Expect(page.Locator("#start-run")).ToBeEnabledAsync(new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        await page.Locator("#start-run").ClickAsync();

        await page.WaitForURLAsync(new Regex("/runs/[0-9a-f-]{36}$"));
        var fork = Guid.Parse(page.Url.Split('/')[^1]);
        await Expect(page.Locator("#forked-from")).ToHaveTextAsync(new Regex($@"forked from\s+run {RunIdText.Short(parent)}\s+at step 2"), new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        await Expect(page.Locator(".run-head .badge.status-completed")).ToBeVisibleAsync(Booted);
        var detail = (await fixture.Server.Store.GetDetailAsync(fork))!;
        var parentSteps = (await fixture.Server.Store.GetDetailAsync(parent))!.Episodes[0].Steps;
        Assert.Equal(parentSteps[1].CodeSnapshot, detail.Episodes[0].OriginalCode);
        Assert.Equal(1, detail.Episodes[0].Steps[0].Index);
        await Screenshots.TakeAsync(page, "forked-run");

        await page.Locator("#compare-parent").ClickAsync();
        await Expect(page.Locator("#fork-alignment")).ToHaveTextAsync("B forked from A after A's step 2: rows start at A's step 3 and B's step 1.", new() { Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
        Assert.Empty(errors);
    }
}
