using Microsoft.Extensions.Options;
using TraceFix.Contracts.Runs;
using TraceFix.Core.Agents.Llm;

namespace TraceFix.Server.Runs;

/// <summary>
/// The llm agent's endpoints: <c>default</c> (<c>TraceFix:Agents:Llm</c>, fed by the seed's variables) and the named ones
/// of <c>TraceFix:Models</c>. A run stores the endpoint's name and prices; its key is read from the environment only when
/// the agent is built.
/// </summary>
public sealed class ModelEndpoints(IOptions<LlmAgentOptions> llm, IOptions<ModelEndpointsOptions> named)
{
    public const string DefaultName = ModelEndpointsOptions.DefaultName;

    /// <summary>Whether any named endpoint is configured; without, a run's model is a free model id for the default endpoint.</summary>
    public bool AnyNamed => named.Value.Count > 0;

    /// <summary>
    /// Whether <c>default</c> can be offered: always without named endpoints (as before, the agent then reports what is
    /// missing); beside named ones only when its URL or key was set (the seed's placeholder key would only fail at run time).
    /// </summary>
    public bool DefaultOffered => !AnyNamed
        || llm.Value.ApiKey != LlmAgentOptions.PlaceholderKey || llm.Value.ApiBaseUrl != LlmAgentOptions.DefaultBaseUrl;

    public IReadOnlyList<ModelInfo> All =>
    [
        .. DefaultOffered ? [new ModelInfo(DefaultName, llm.Value.Model, llm.Value.InputPricePerMTok, llm.Value.OutputPricePerMTok)] : Array.Empty<ModelInfo>(),
        .. named.Value.OrderBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new ModelInfo(pair.Key, pair.Value.Model, pair.Value.InputPricePerMTok, pair.Value.OutputPricePerMTok)),
    ];

    /// <summary>
    /// The endpoint a request's model names: a configured name, <c>default</c> (or the default's model id), or, when no
    /// endpoint is named in configuration, any model id on the default endpoint. Null when it names nothing configured.
    /// </summary>
    public ModelInfo? Find(string? requested)
    {
        var defaults = llm.Value;
        if (string.IsNullOrWhiteSpace(requested) || string.Equals(requested, DefaultName, StringComparison.OrdinalIgnoreCase)
            || string.Equals(requested, defaults.Model, StringComparison.Ordinal))
        {
            return !DefaultOffered ? null : new(DefaultName, defaults.Model, defaults.InputPricePerMTok, defaults.OutputPricePerMTok);
        }
        if (named.Value.TryGetValue(requested, out var endpoint))
        {
            return new(named.Value.Keys.First(k => string.Equals(k, requested, StringComparison.OrdinalIgnoreCase)),
                endpoint.Model, endpoint.InputPricePerMTok, endpoint.OutputPricePerMTok);
        }
        return AnyNamed ? null : new(DefaultName, requested, defaults.InputPricePerMTok, defaults.OutputPricePerMTok);
    }

    /// <summary>The agent's options for a stored run: the named endpoint's URL, model and key, or the default with the run's model.</summary>
    public LlmAgentOptions OptionsFor(string? endpointName, string model)
    {
        var defaults = llm.Value;
        if (endpointName is null || string.Equals(endpointName, DefaultName, StringComparison.OrdinalIgnoreCase))
        {
            return defaults with { Model = model };
        }
        if (!named.Value.TryGetValue(endpointName, out var endpoint))
        {
            throw new InvalidOperationException($"model endpoint '{endpointName}' is no longer configured (TraceFix:Models:{endpointName})");
        }
        var key = endpoint.ApiKeyVariable is { } variable ? Environment.GetEnvironmentVariable(variable) : null;
        return defaults with
        {
            ApiBaseUrl = endpoint.BaseUrl,
            Model = endpoint.Model,
            ApiKey = string.IsNullOrEmpty(key) ? LlmAgentOptions.PlaceholderKey : key,
            InputPricePerMTok = endpoint.InputPricePerMTok,
            OutputPricePerMTok = endpoint.OutputPricePerMTok,
        };
    }
}
