namespace TraceFix.Bench.Runs;

internal static class Percentiles
{
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Describe(List<double> samples, string unit = "ms")
    {
        samples.Sort();
        return $"n={samples.Count} p50={Of(samples, 50):F2}{unit} p95={Of(samples, 95):F2}{unit} p99={Of(samples, 99):F2}{unit} max={samples[^1]:F2}{unit}";
    }
}
