using System.ComponentModel.DataAnnotations;
using System.Globalization;
using TraceFix.Core.Settings;

namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// How to reach an OpenAI-compatible chat endpoint. Defaults and environment variable names are those of the seed
/// inference script; the server binds the same record from the <see cref="Section"/> configuration section, with the
/// seed's variables (<see cref="SeedSettings"/>) as its lowest-priority defaults.
/// </summary>
public sealed record LlmAgentOptions : ISettingsSection
{
    public const string Section = "TraceFix:Agents:Llm";
    public const string DefaultBaseUrl = "https://router.huggingface.co/v1";
    public const string DefaultModel = "openai/gpt-oss-20b";

    /// <summary>Used when neither HF_TOKEN nor API_KEY is set; local servers such as LM Studio accept any key.</summary>
    public const string PlaceholderKey = "lm-studio";

    static string ISettingsSection.Section => Section;

    [Required]
    [Url]
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
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(120);

    /// <summary>USD per million prompt tokens, for the run's cost.</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "The field {0} must be 0 or more (USD per million tokens)")]
    public double InputPricePerMTok { get; init; }

    /// <summary>USD per million completion tokens.</summary>
    [Range(0.0, double.MaxValue, ErrorMessage = "The field {0} must be 0 or more (USD per million tokens)")]
    public double OutputPricePerMTok { get; init; }

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

    /// <summary>
    /// The same variables as settings of this section (property name, value), for those that are set: the server
    /// adds them as its lowest-priority configuration so that <c>TraceFix:Agents:Llm:*</c> overrides them.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> SeedSettings(Func<string, string?> lookup)
    {
        if (NonEmpty(lookup("API_BASE_URL")) is { } baseUrl)
        {
            yield return new(nameof(ApiBaseUrl), baseUrl);
        }
        if (NonEmpty(lookup("MODEL_NAME")) is { } model)
        {
            yield return new(nameof(Model), model);
        }
        if ((NonEmpty(lookup("HF_TOKEN")) ?? NonEmpty(lookup("API_KEY"))) is { } key)
        {
            yield return new(nameof(ApiKey), key);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"LlmAgentOptions {{ ApiBaseUrl = {ApiBaseUrl}, Model = {Model}, ApiKey = ***, Temperature = {Temperature}, MaxRetries = {MaxRetries} }}");

    // Python's os.getenv("X") or default treats an empty value as missing too.
    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
