using System.Text.Json;
using TraceFix.Core.Tasks;

namespace TraceFix.Core.Tests.Episodes;

/// <summary>A one-task pack written to a temporary directory, for behaviour the built-in tasks do not exercise.</summary>
internal sealed class TemporaryTaskPack : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tracefix-engine-").FullName;

    public TemporaryTaskPack(string name, string solution, string tests, string fixedCode, double timeoutSeconds = 5)
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(dir, "task.json"), JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["name"] = name,
            ["difficulty"] = "easy",
            ["title"] = name,
            ["description"] = "A task written by a test.",
            ["timeout_s"] = timeoutSeconds,
        }));
        File.WriteAllText(Path.Combine(dir, "solution.py"), solution);
        File.WriteAllText(Path.Combine(dir, "test_solution.py"), tests);
        File.WriteAllText(Path.Combine(dir, "fixed.py"), fixedCode);
        Catalog = TaskCatalog.Load([_root]);
    }

    public TaskCatalog Catalog { get; }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
