namespace TraceFix.E2E.Tests;

/// <summary>The repository's root folder (the one holding TraceFix.Web.sln), found above the test binaries.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("the repository root (TraceFix.Web.sln) was not found above the test folder");
    }
}
