using System.Globalization;

namespace TraceFix.Bench;

/// <summary>
/// The one way a benchmark states its result: the figure, a yardstick measured in the same run on the same machine, their
/// ratio and the goal for that ratio. Absolute figures on a shared machine vary 5–10× from day to day; the ratio does
/// not. Each line is also appended to <c>artifacts/bench/results.tsv</c> with the time and the load average.
/// </summary>
public static class Yardstick
{
    /// <summary>Prints one result; true when the ratio meets the goal.</summary>
    /// <param name="goal">The ratio figure / yardstick that counts as met: at least it when <paramref name="higherIsBetter"/>, at most it otherwise.</param>
    public static bool Report(string figure, double value, string unit, string yardstick, double yardstickValue, double goal, bool higherIsBetter)
    {
        var ratio = value / yardstickValue;
        var met = higherIsBetter ? ratio >= goal : ratio <= goal;
        var load = LoadAverage();
        Console.WriteLine(Invariant(
            $"RESULT {figure}: {value:#,0.##} {unit} | yardstick {yardstick}: {yardstickValue:#,0.##} {unit} | ratio {ratio:0.00} | goal {(higherIsBetter ? ">=" : "<=")} {goal:0.00}: {(met ? "met" : "NOT met")} | load {load}"));
        Append(string.Join('\t', DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture), figure, Invariant($"{value:0.###}"), unit, yardstick,
            Invariant($"{yardstickValue:0.###}"), Invariant($"{ratio:0.000}"), (higherIsBetter ? ">=" : "<=") + Invariant($"{goal}"), met ? "met" : "not met", load));
        return met;
    }

    /// <summary>The 1-minute load average, to say how busy the shared machine was.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static void Append(string line)
    {
        try
        {
            var folder = Path.Combine(BenchPaths.RepositoryRoot(), "artifacts", "bench");
            Directory.CreateDirectory(folder);
            File.AppendAllText(Path.Combine(folder, "results.tsv"), line + "\n");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"(could not record the result: {ex.Message})");
        }
    }
}
