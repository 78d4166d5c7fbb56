namespace TraceFix.Core.Agents.Llm;

/// <summary>
/// One named OpenAI-compatible endpoint (<c>TraceFix:Models:{name}</c>). The key is never configured here: only the name of
/// the environment variable that holds it (<see cref="ApiKeyVariable"/>), read when a run starts.
/// </summary>
public sealed class ModelEndpointOptions
{
    public string BaseUrl { get; set; } = "";

    public string Model { get; set; } = "";

    /// <summary>The name of an environment variable holding the key; none means the placeholder key of local servers.</summary>
    public string? ApiKeyVariable { get; set; }

    /// <summary>USD per million prompt tokens.</summary>
    public double InputPricePerMTok { get; set; }

    /// <summary>USD per million completion tokens.</summary>
    public double OutputPricePerMTok { get; set; }
}
