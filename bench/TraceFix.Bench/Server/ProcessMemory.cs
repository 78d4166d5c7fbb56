using System.Globalization;

namespace TraceFix.Bench.Server;

/// <summary>Resident memory and thread count of a process, from /proc (0 when unknown).</summary>
public static class ProcessMemory
{
    public static long RssKb(int? pid) => Field(pid, "VmRSS:");

    public static long Threads(int? pid) => Field(pid, "Threads:");

    private static long Field(int? pid, string name)
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/status"))
        {
            return 0;
        }
        var line = File.ReadLines($"/proc/{id}/status").FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }
}
