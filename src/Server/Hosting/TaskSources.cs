using TraceFix.Core.Tasks;

namespace TraceFix.Server.Hosting;

/// <summary>
/// The task directories the server loads, in order: the built-in pack (unless <c>TraceFix:IncludeBuiltInTasks</c> is false),
/// every entry of <c>TraceFix:TaskDirectories</c>, then <c>--tasks DIR</c> from the command line. A single value may list
/// several directories separated by the platform's path separator (':' on Linux), like PATH.
/// </summary>
internal static class TaskSources
{
    public const string DirectoriesKey = "TraceFix:TaskDirectories";
    public const string IncludeBuiltInKey = "TraceFix:IncludeBuiltInTasks";
    public const string CommandLineKey = "tasks";

    public static IReadOnlyList<string> Resolve(IConfiguration configuration, string contentRoot, ILogger logger)
    {
        var directories = new List<string>();
        if (configuration.GetValue(IncludeBuiltInKey, true))
        {
            var builtIn = TaskCatalog.FindBuiltInDirectory() ?? TaskCatalog.FindBuiltInDirectory(contentRoot);
            if (builtIn is null)
            {
                logger.LogWarning("The built-in task pack (a tasks/ directory above the app) was not found; only configured task directories are loaded");
            }
            else
            {
                directories.Add(builtIn);
            }
        }
        var section = configuration.GetSection(DirectoriesKey);
        directories.AddRange(Split(section.Value));
        directories.AddRange(section.GetChildren().SelectMany(child => Split(child.Value)));
        directories.AddRange(Split(configuration[CommandLineKey]));
        return directories.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<string> Split(string? value) =>
        string.IsNullOrWhiteSpace(value)
            ? []
            : value.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
