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

    public int GetInt(string name, int fallback) => Get(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
}
