using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using TraceFix.Server.Hosting;

namespace TraceFix.Server.Tests.Hosting;

public sealed class TaskSourcesTests
{
    private static IConfiguration Configure(string[] args, Dictionary<string, string?>? settings = null) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).AddCommandLine(args).Build();

    [Fact]
    public void Resolve_CommandLineTasks_ComesAfterBuiltInAndConfigured()
    {
        var configuration = Configure(["--tasks", "/packs/cli"], new()
        {
            ["TraceFix:TaskDirectories:0"] = "/packs/one",
            ["TraceFix:TaskDirectories:1"] = "/packs/two",
        });

        var directories = TaskSources.Resolve(configuration, "/nowhere", NullLogger.Instance);

        Assert.EndsWith("tasks", directories[0]);
        Assert.Equal(["/packs/one", "/packs/two", "/packs/cli"], directories.Skip(1));
    }

    [Fact]
    public void Resolve_SingleValueWithSeparators_IsSplitLikePath()
    {
        var configuration = Configure([], new()
        {
            ["TraceFix:IncludeBuiltInTasks"] = "false",
            ["TraceFix:TaskDirectories"] = $"/a{Path.PathSeparator}/b{Path.PathSeparator}/a",
        });

        Assert.Equal(["/a", "/b"], TaskSources.Resolve(configuration, "/nowhere", NullLogger.Instance));
    }

    [Fact]
    public void Resolve_RelativeDirectory_IsResolvedAgainstTheWorkingDirectory()
    {
        var configuration = Configure(["--tasks=my-pack", "--TraceFix:IncludeBuiltInTasks=false"]);

        Assert.Equal([Path.Combine(Directory.GetCurrentDirectory(), "my-pack")], TaskSources.Resolve(configuration, "/nowhere", NullLogger.Instance));
    }
}
