using Microsoft.Playwright;

namespace TraceFix.E2E.Tests;

internal static class PageExtensions
{
    /// <summary>Navigates without waiting for the load event: the tests wait on UI state instead, which also covers WebAssembly boot.</summary>
    public static Task OpenAsync(this IPage page, string url) =>
        page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Commit, Timeout = (float)BrowserFixture.Boot.TotalMilliseconds });
}
