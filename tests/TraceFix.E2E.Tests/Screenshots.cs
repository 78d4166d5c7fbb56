using Microsoft.Playwright;

namespace TraceFix.E2E.Tests;

/// <summary>Writes page screenshots into the repository's docs/screenshots folder.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static Task TakeAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                var folder = Path.Combine(dir.FullName, "docs", "screenshots");
                Directory.CreateDirectory(folder);
                return folder;
            }
        }
        throw new InvalidOperationException("the repository root (TraceFix.Web.sln) was not found above the test folder");
    }
}
