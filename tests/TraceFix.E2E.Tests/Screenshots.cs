using Microsoft.Playwright;

namespace TraceFix.E2E.Tests;

/// <summary>
/// Writes page screenshots and measured figures into <c>artifacts/screenshots</c> at the repository root (git-ignored), so
/// a test run leaves the repository unchanged. <c>scripts/refresh-screenshots.sh</c> copies them into docs/screenshots.
/// </summary>
internal static class Screenshots
{
    public static string Folder { get; } = Locate();

    public static Task TakeAsync(IPage page, string name, bool fullPage = false) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = fullPage });

    /// <summary>Records a measured figure (one line) in <c>artifacts/screenshots/{file}</c>, replacing the previous run's.</summary>
    public static Task RecordAsync(string file, string line) =>
        File.WriteAllTextAsync(Path.Combine(Folder, file), $"{DateTimeOffset.UtcNow:u} {line}\n");

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                var folder = Path.Combine(dir.FullName, "artifacts", "screenshots");
                Directory.CreateDirectory(folder);
                return folder;
            }
        }
        throw new InvalidOperationException("the repository root (TraceFix.Web.sln) was not found above the test folder");
    }
}
