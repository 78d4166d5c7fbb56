using System.ComponentModel.DataAnnotations;
using TraceFix.Core.Settings;

namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// The named model endpoints of <c>TraceFix:Models</c>, by name (case-insensitive). The name <see cref="DefaultName"/> is
/// reserved for <c>TraceFix:Agents:Llm</c> (the seed's variables), so it cannot be configured here.
/// </summary>
public sealed class ModelEndpointsOptions : Dictionary<string, ModelEndpointOptions>, ISettingsSection, IValidatableObject
{
    public const string Section = "TraceFix:Models";
    public const string DefaultName = "default";
    public const int MaxNameLength = 64;

    public ModelEndpointsOptions() : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    static string ISettingsSection.Section => Section;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (name, endpoint) in this)
        {
            if (string.Equals(name, DefaultName, StringComparison.OrdinalIgnoreCase))
            {
                yield return new("is reserved for TraceFix:Agents:Llm (API_BASE_URL, MODEL_NAME, HF_TOKEN): configure the default endpoint there", [name]);
                continue;
            }
            if (name.Length > MaxNameLength || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                yield return new($"a model name may hold at most {MaxNameLength} letters, digits, '-', '_' or '.'", [name]);
            }
            foreach (var failure in Check(endpoint))
            {
                yield return new(failure.Message, [$"{name}:{failure.Key}"]);
            }
        }
    }

    private static IEnumerable<(string Key, string Message)> Check(ModelEndpointOptions endpoint)
    {
        if (string.IsNullOrWhiteSpace(endpoint.BaseUrl))
        {
            yield return (nameof(endpoint.BaseUrl), "is required");
        }
        else if (!Uri.TryCreate(endpoint.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            yield return (nameof(endpoint.BaseUrl), "must be an absolute http or https URL");
        }
        if (string.IsNullOrWhiteSpace(endpoint.Model))
        {
            yield return (nameof(endpoint.Model), "is required");
        }
        if (endpoint.ApiKeyVariable is { } variable && (variable.Length == 0 || variable.Contains('=') || variable.Any(char.IsWhiteSpace)))
        {
            yield return (nameof(endpoint.ApiKeyVariable), "must be the name of an environment variable (not the key itself)");
        }
        if (!double.IsFinite(endpoint.InputPricePerMTok) || endpoint.InputPricePerMTok < 0)
        {
            yield return (nameof(endpoint.InputPricePerMTok), "must be a price in USD per million tokens, 0 or more");
        }
        if (!double.IsFinite(endpoint.OutputPricePerMTok) || endpoint.OutputPricePerMTok < 0)
        {
            yield return (nameof(endpoint.OutputPricePerMTok), "must be a price in USD per million tokens, 0 or more");
        }
    }
}
