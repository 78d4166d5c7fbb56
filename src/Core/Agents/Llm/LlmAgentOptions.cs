using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// How to reach an OpenAI-compatible chat endpoint. Defaults and environment variable names are those of the seed
/// inference script; the server binds the same record from the <see cref="SectionName"/> configuration section.
/// </summary>
public sealed record LlmAgentOptions
{
    public const string SectionName = "Agents:Llm";
    public const string DefaultBaseUrl = "https://router.huggingface.co/v1";
    public const string DefaultModel = "openai/gpt-oss-20b";

    /// <summary>Used when neither HF_TOKEN nor API_KEY is set; local servers such as LM Studio accept any key.</summary>
    public const string PlaceholderKey = "lm-studio";

    [Required]
    public string ApiBaseUrl { get; init; } = DefaultBaseUrl;

    [Required]
    public string Model { get; init; } = DefaultModel;

    /// <summary>Never logged or stored: <see cref="ToString"/> leaves it out.</summary>
    public string ApiKey { get; init; } = PlaceholderKey;

    [Range(0.0, 2.0)]
    public double Temperature { get; init; }

    /// <summary>Ask for response_format json_schema first; the plain completion is always the fallback.</summary>
    public bool UseStructuredOutput { get; init; } = true;

    /// <summary>Extra attempts after a 429, a 5xx, a timeout or a dropped connection.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; init; } = 3;

    /// <summary>First backoff delay; it doubles on each retry unless the server sends Retry-After.</summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>Three unusable answers in a row end the episode, as in the seed.</summary>
    [Range(1, 100)]
    public int ParseErrorLimit { get; init; } = 3;

    /// <summary>Reads the seed's variables: API_BASE_URL, MODEL_NAME, and HF_TOKEN or API_KEY.</summary>
    public static LlmAgentOptions FromEnvironment(Func<string, string?> lookup) => new()
    {
        ApiBaseUrl = NonEmpty(lookup("API_BASE_URL")) ?? DefaultBaseUrl,
        Model = NonEmpty(lookup("MODEL_NAME")) ?? DefaultModel,
        ApiKey = NonEmpty(lookup("HF_TOKEN")) ?? NonEmpty(lookup("API_KEY")) ?? PlaceholderKey,
    };

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LlmAgentOptions {{ ApiBaseUrl = {ApiBaseUrl}, Model = {Model}, ApiKey = ***, Temperature = {Temperature}, MaxRetries = {MaxRetries} }}");

    // Python's os.getenv("X") or default treats an empty value as missing too.
    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
