using System.Text.Json;
using System.Text.RegularExpressions;

namespace TraceFix.Core.Tasks;

/// <summary>Reads task directories from disk. A pack is a directory of task directories; a single task directory is accepted too.</summary>
public static partial class TaskPackLoader
{
    public const string ManifestFile = "task.json";
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Each test's own limit unless task.json sets <c>test_timeout_s</c> (capped at the run's <c>timeout_s</c>).</summary>
    public static readonly TimeSpan DefaultTestTimeout = TimeSpan.FromSeconds(1);
    private const long MaxSourceBytes = 256 * 1024;

    public sealed record PackLoadResult(IReadOnlyList<DebugTask> Tasks, IReadOnlyList<TaskLoadError> Errors);

    public static PackLoadResult LoadPack(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            return new([], [new TaskLoadError(full, "directory does not exist")]);
        }
        if (File.Exists(Path.Combine(full, ManifestFile)))
        {
            return Collect([full]);
        }
        var candidates = Directory.EnumerateDirectories(full)
            .Where(d => !Path.GetFileName(d).StartsWith('.') && !Path.GetFileName(d).StartsWith('_'))
            .Order(StringComparer.Ordinal);
        return Collect(candidates);
    }

    private static PackLoadResult Collect(IEnumerable<string> taskDirectories)
    {
        var tasks = new List<DebugTask>();
        var errors = new List<TaskLoadError>();
        foreach (var dir in taskDirectories)
        {
            try
            {
                tasks.Add(LoadTask(dir));
            }
            catch (TaskPackException ex)
            {
                errors.Add(new TaskLoadError(dir, ex.Message));
            }
        }
        return new(tasks, errors);
    }

    public static DebugTask LoadTask(string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
        {
            throw new TaskPackException($"missing {ManifestFile}");
        }
        TaskManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<TaskManifest>(File.ReadAllText(manifestPath))
                ?? throw new TaskPackException($"{ManifestFile} is empty (expected a JSON object)");
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" : "";
            throw new TaskPackException($"{ManifestFile} is not valid JSON{where}: {FirstSentence(ex.Message)}");
        }

        var name = Required(manifest.Name, "name");
        if (!TaskNamePattern().IsMatch(name))
        {
            throw new TaskPackException($"{ManifestFile}: \"name\" must be letters, digits, '_' or '-' (got \"{name}\")");
        }
        if (!DifficultyNames.TryParse(manifest.Difficulty, out var difficulty))
        {
            throw new TaskPackException($"{ManifestFile}: \"difficulty\" must be easy, medium or hard (got \"{manifest.Difficulty}\")");
        }
        // Range-check the number before converting it: TimeSpan.FromSeconds throws on huge values and NaN.
        var seconds = manifest.TimeoutSeconds ?? DefaultTimeout.TotalSeconds;
        if (!(seconds > 0 && seconds <= MaxTimeout.TotalSeconds))
        {
            throw new TaskPackException($"{ManifestFile}: \"timeout_s\" must be between 0 and {MaxTimeout.TotalSeconds} (got {manifest.TimeoutSeconds})");
        }
        var testSeconds = manifest.TestTimeoutSeconds ?? Math.Min(seconds, DefaultTestTimeout.TotalSeconds);
        if (!(testSeconds > 0 && testSeconds <= seconds))
        {
            throw new TaskPackException(
                $"{ManifestFile}: \"test_timeout_s\" (one test's limit) must be more than 0 and at most \"timeout_s\" ({seconds}) (got {manifest.TestTimeoutSeconds})");
        }

        return new DebugTask(
            Name: name,
            Id: string.IsNullOrWhiteSpace(manifest.Id) ? null : manifest.Id.Trim(),
            Difficulty: difficulty,
            Title: manifest.Title?.Trim() is { Length: > 0 } title ? title : name,
            Description: manifest.Description?.Trim() ?? "",
            BugType: manifest.BugType,
            SolutionCode: ReadSource(directory, manifest.Entry ?? "solution.py", "entry"),
            TestCode: ReadSource(directory, manifest.Tests ?? "test_solution.py", "tests"),
            FixedCode: ReadSource(directory, manifest.Fixed ?? "fixed.py", "fixed"),
            Timeout: TimeSpan.FromSeconds(seconds),
            SourceDirectory: Path.GetFullPath(directory))
        {
            TestTimeout = TimeSpan.FromSeconds(testSeconds),
        };
    }

    private static string Required(string? value, string field) =>
        string.IsNullOrWhiteSpace(value) ? throw new TaskPackException($"{ManifestFile}: missing required field \"{field}\"") : value.Trim();

    private static string ReadSource(string directory, string relative, string field)
    {
        if (Path.IsPathRooted(relative) || relative.Contains(".."))
        {
            throw new TaskPackException($"{ManifestFile}: \"{field}\" must be a file name inside the task directory (got \"{relative}\")");
        }
        var path = Path.Combine(directory, relative);
        if (!File.Exists(path))
        {
            throw new TaskPackException($"missing {relative} (named by \"{field}\")");
        }
        if (new FileInfo(path).Length > MaxSourceBytes)
        {
            throw new TaskPackException($"{relative} is larger than {MaxSourceBytes / 1024} KiB");
        }
        return File.ReadAllText(path).Replace("\r\n", "\n");
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,100}$")]
    private static partial Regex TaskNamePattern();
}
