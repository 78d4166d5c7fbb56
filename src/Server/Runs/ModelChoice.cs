using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Runs;

/// <summary>
/// Which llm endpoints a start request names: <c>model</c> (one) or <c>models</c> (one run each). Errors are keyed by field
/// for the ValidationProblem.
/// </summary>
public static class ModelChoice
{
    public const int MaxModelsPerRequest = 8;

    /// <summary>The endpoints to run, in request order; for other agents a single null (the agent's own model).</summary>
    public static IReadOnlyList<ModelInfo?> Resolve(StartRunRequest request, string agent, ModelEndpoints endpoints,
        Dictionary<string, string[]> errors)
    {
        if (request.Models is { } many)
        {
            if (request.Model is not null)
            {
                errors["models"] = ["give either model or models, not both"];
            }
            else if (agent != AgentKinds.Llm)
            {
                errors["models"] = ["models is only for the llm agent"];
            }
            else if (many.Count is 0 or > MaxModelsPerRequest)
            {
                errors["models"] = [$"models must name 1 to {MaxModelsPerRequest} models"];
            }
            else if (many.Distinct(StringComparer.OrdinalIgnoreCase).Count() != many.Count)
            {
                errors["models"] = ["models must not repeat a model"];
            }
            else
            {
                var found = many.Select(name => (Name: name, Info: Known(name, endpoints))).ToList();
                var unknown = found.Where(f => f.Info is null).Select(f => f.Name).ToList();
                if (unknown.Count == 0)
                {
                    return [.. found.Select(f => f.Info)];
                }
                errors["models"] = [.. unknown.Select(name => Unknown(name, endpoints))];
            }
            return [];
        }
        if (agent != AgentKinds.Llm)
        {
            return [null];
        }
        var requested = string.IsNullOrWhiteSpace(request.Model) ? null : request.Model.Trim();
        if (endpoints.Find(requested) is { } one)
        {
            return [one];
        }
        errors["model"] = [requested is null
            ? $"the default endpoint is not configured on this server (HF_TOKEN or API_KEY, API_BASE_URL): name one of {string.Join(", ", endpoints.All.Select(m => m.Name))}"
            : Unknown(requested, endpoints)];
        return [];
    }

    private static ModelInfo? Known(string? name, ModelEndpoints endpoints) =>
        string.IsNullOrWhiteSpace(name) || name.Length > StartRunValidator.MaxModelLength || name.Any(char.IsControl)
            ? null
            : endpoints.Find(name.Trim());

    private static string Unknown(string name, ModelEndpoints endpoints) =>
        $"model '{(name.Length > 64 ? name[..64] + "…" : name)}' is not configured on this server: use one of " +
        string.Join(", ", endpoints.All.Select(m => m.Name));
}
