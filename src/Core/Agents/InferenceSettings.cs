using System.Globalization;

namespace TraceFix.Core.Agents;

/// <summary>
/// The run-level knobs of the seed inference script, read from the same environment variables with the same defaults.
/// TASK_NAME is read for parity; the seed defines it but always runs its three fixed tasks.
/// </summary>
public sealed record InferenceSettings
{
    public const string DefaultEnvBaseUrl = "http://127.0.0.1:7860";
    public const string DefaultBenchmark = "tracefix_rl";

    public string EnvBaseUrl { get; init; } = DefaultEnvBaseUrl;

    public string TaskName { get; init; } = DefaultBenchmark;

    public string Benchmark { get; init; } = DefaultBenchmark;

    public int MaxSteps { get; init; } = 50;

    public double SuccessThreshold { get; init; } = 0.98;

    /// <summary>Reads ENV_BASE_URL, TASK_NAME, BENCHMARK, MAX_STEPS and SUCCESS_SCORE_THRESHOLD.</summary>
    /// <exception cref="FormatException">MAX_STEPS or SUCCESS_SCORE_THRESHOLD is not a number.</exception>
    public static InferenceSettings FromEnvironment(Func<string, string?> lookup)
    {
        var maxSteps = lookup("MAX_STEPS") is { } rawSteps
            ? int.TryParse(rawSteps.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s > 0
                ? s
                : throw new FormatException($"MAX_STEPS must be a positive integer (got '{rawSteps}')")
            : 50;
        var threshold = lookup("SUCCESS_SCORE_THRESHOLD") is { } rawThreshold
            ? double.TryParse(rawThreshold.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var t) && double.IsFinite(t)
                ? t
                : throw new FormatException($"SUCCESS_SCORE_THRESHOLD must be a number (got '{rawThreshold}')")
            : 0.98;
        return new InferenceSettings
        {
            EnvBaseUrl = lookup("ENV_BASE_URL") ?? DefaultEnvBaseUrl,
            TaskName = lookup("TASK_NAME") ?? DefaultBenchmark,
            Benchmark = lookup("BENCHMARK") ?? DefaultBenchmark,
            MaxSteps = maxSteps,
            SuccessThreshold = threshold,
        };
    }

    /// <summary>The seed's three tasks in order, with the names its reset call uses.</summary>
    public static IReadOnlyList<(string Id, string ResetName)> SeedTasks { get; } =
    [
        ("task1_easy", "valid_parentheses_wrong_mapping"),
        ("task2_medium", "binary_search_off_by_one"),
        ("task3_hard", "reverse_string_returns_original"),
    ];
}
