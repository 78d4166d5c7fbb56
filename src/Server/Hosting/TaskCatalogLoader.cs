using TraceFix.Core.Tasks;

namespace TraceFix.Server.Hosting;

/// <summary>Loads the catalog once at start-up and says in the log what was loaded, skipped and why.</summary>
internal static class TaskCatalogLoader
{
    public static TaskCatalog Load(IConfiguration configuration, string contentRoot, ILogger logger)
    {
        var directories = TaskSources.Resolve(configuration, contentRoot, logger);
        var catalog = TaskCatalog.Load(directories);
        foreach (var error in catalog.LoadErrors)
        {
            logger.LogWarning("Skipped task {TaskError}", error);
        }
        if (catalog.All.Count == 0)
        {
            throw new StartupRefusedException(
                $"No task could be loaded from [{string.Join(", ", directories)}]. Give a task pack with --tasks DIR " +
                $"or the {TaskSources.DirectoriesKey} setting.");
        }
        logger.LogInformation(
            "Loaded {TaskCount} tasks ({Easy} easy, {Medium} medium, {Hard} hard) from {Directories}",
            catalog.All.Count,
            catalog.InTier(Difficulty.Easy).Count,
            catalog.InTier(Difficulty.Medium).Count,
            catalog.InTier(Difficulty.Hard).Count,
            directories);
        return catalog;
    }
}
