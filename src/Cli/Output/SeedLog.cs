using System.Globalization;

namespace TraceFix.Cli.Output;

/// <summary>The three line formats of the seed inference script, character for character (graders parse them).</summary>
public static class SeedLog
{
    public static string Start(string task, string env, string model) => $"[START] task={task} env={env} model={model}";

    public static string Step(int step, string action, double reward, bool done, string? error) =>
        $"[STEP] step={step} action={action} reward={Fixed(reward)} done={Lower(done)} error={(string.IsNullOrEmpty(error) ? "null" : error)}";

    public static string End(bool success, int steps, double score, IEnumerable<double> rewards) =>
        $"[END] success={Lower(success)} steps={steps} score={Fixed(score)} rewards={string.Join(",", rewards.Select(Fixed))}";

    /// <summary>Python's f"{x:.2f}": the same digits, including "-0.00" for small negative values.</summary>
    public static string Fixed(double value) => value.ToString("F2", CultureInfo.InvariantCulture);

    private static string Lower(bool value) => value ? "true" : "false";
}
