using TraceFix.Core.Tasks;

namespace TraceFix.Server.Tests.OpenEnv;

/// <summary>Reads the built-in tasks from disk so tests can play a known fix.</summary>
public static class TaskFiles
{
    private static readonly string Root = TaskCatalog.FindBuiltInDirectory() ?? throw new InvalidOperationException("tasks/ not found");

    public static string Fixed(string task) => File.ReadAllText(Path.Combine(Root, task, "fixed.py")).TrimEnd('\n');

    public static int LineCount(string task) => SourceText.SplitLines(File.ReadAllText(Path.Combine(Root, task, "solution.py"))).Count;

    /// <summary>A REPLACE_LINES action that swaps the whole buggy file for the reference fix.</summary>
    public static Dictionary<string, object?> ReplaceWithFix(string task) => Actions.Replace(1, LineCount(task), Fixed(task), "apply the fix");
}
