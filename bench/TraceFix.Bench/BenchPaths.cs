namespace TraceFix.Bench;

/// <summary>Where the repository and the Release builds the benchmarks start are.</summary>
public static class BenchPaths
{
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "TraceFix.Web.sln")))
            {
                return dir.FullName;
            }
        }
        throw new DirectoryNotFoundException("TraceFix.Web.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The Release build of a project's dll, e.g. ("src/Server", "TraceFix.Server").</summary>
    public static string ReleaseDll(string projectFolder, string assembly)
    {
        var dll = Path.Combine(RepositoryRoot(), projectFolder, "bin", "Release", "net10.0", assembly + ".dll");
        return File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"Build it first: dotnet build {projectFolder} -c Release (missing {dll})");
    }
}
