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
        var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
