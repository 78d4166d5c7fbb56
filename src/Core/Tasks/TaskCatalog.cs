namespace TraceFix.Core.Tasks;

/// <summary>All tasks the environment can serve, from the built-in pack and any configured directories.</summary>
public sealed class TaskCatalog
{
    private readonly Dictionary<string, DebugTask> _byKey = new(StringComparer.Ordinal);

    public TaskCatalog(IEnumerable<DebugTask> tasks)
    {
        var list = new List<DebugTask>();
        foreach (var task in tasks)
        {
            if (!_byKey.TryAdd(task.Name, task))
            {
                throw new TaskPackException($"duplicate task name '{task.Name}' ({task.SourceDirectory} and {_byKey[task.Name].SourceDirectory})");
            }
            list.Add(task);
        }
        foreach (var task in list.Where(t => t.Id is not null))
        {
            _byKey.TryAdd(task.Id!, task);
        }
        All = list.OrderBy(t => t.Difficulty).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();
    }

    public IReadOnlyList<DebugTask> All { get; }

    public IReadOnlyList<string> LoadErrors { get; init; } = [];

    /// <summary>Finds a task by name or by its stable id (e.g. task2_medium).</summary>
    public DebugTask? Find(string nameOrId) => _byKey.GetValueOrDefault(nameOrId.Trim());

    public DebugTask Get(string nameOrId) => Find(nameOrId) ?? throw new UnknownTaskException(nameOrId, All.Select(t => t.Name));

    public IReadOnlyList<DebugTask> InTier(Difficulty difficulty) => All.Where(t => t.Difficulty == difficulty).ToList();

    /// <summary>Loads every directory in order; malformed tasks are kept out and reported in <see cref="LoadErrors"/>.</summary>
    public static TaskCatalog Load(IEnumerable<string> directories)
    {
        var tasks = new List<DebugTask>();
        var errors = new List<string>();
        foreach (var dir in directories.Where(d => !string.IsNullOrWhiteSpace(d)))
        {
            var result = TaskPackLoader.LoadPack(dir);
            tasks.AddRange(result.Tasks);
            errors.AddRange(result.Errors.Select(e => e.ToString()));
        }
        return new TaskCatalog(tasks) { LoadErrors = errors };
    }

    /// <summary>The built-in pack: the nearest <c>tasks/</c> directory above the app, or TRACEFIX_TASKS_DIR.</summary>
    public static string? FindBuiltInDirectory(string? startDirectory = null)
    {
        var fromEnv = Environment.GetEnvironmentVariable("TRACEFIX_TASKS_DIR");
        if (!string.IsNullOrWhiteSpace(fromEnv) && Directory.Exists(fromEnv))
        {
            return Path.GetFullPath(fromEnv);
        }
        for (var dir = new DirectoryInfo(startDirectory ?? AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tasks");
            if (Directory.Exists(candidate) && Directory.EnumerateFiles(candidate, TaskPackLoader.ManifestFile, SearchOption.AllDirectories).Any())
            {
                return candidate;
            }
        }
        return null;
    }
}
