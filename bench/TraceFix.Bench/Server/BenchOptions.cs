using System.Globalization;

namespace TraceFix.Bench.Server;

/// <summary>`--name value` arguments of the server benchmarks.</summary>
public sealed class BenchOptions(string[] args)
{
    public string? Get(string name)
    {
        var index = Array.IndexOf(args, "--" + name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }

    /// <summary>Every <c>--env NAME=VALUE</c>: environment variables for the server process (GC settings and the like).</summary>
    public Dictionary<string, string> Environment() => args
        .Select((arg, i) => (arg, i))
        .Where(a => a.arg == "--env" && a.i + 1 < args.Length && args[a.i + 1].Contains('=', StringComparison.Ordinal))
        .Select(a => args[a.i + 1].Split('=', 2))
        .ToDictionary(kv => kv[0], kv => kv[1]);

    public int GetInt(string name, int fallback) => Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
