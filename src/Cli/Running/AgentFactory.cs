using TraceFix.Core.Agents;
using TraceFix.Core.Agents.Llm;
using TraceFix.Core.Agents.Offline;

namespace TraceFix.Cli.Running;

/// <summary>Makes a fresh agent per episode runner (agents keep per-episode state) from the --agent choice.</summary>
public static class AgentFactory
{
    public static readonly string[] Kinds = ["llm", "offline"];

    public static Func<IAgent> For(string kind, CliContext context) => kind switch
    {
        "llm" => ForLlm(LlmAgentOptions.FromEnvironment(context.Variable)),
        "offline" => () => new OfflineRepairAgent(),
        _ => throw new UsageException($"unknown agent '{kind}' (use one of {string.Join(", ", Kinds)})"),
    };

    private static Func<IAgent> ForLlm(LlmAgentOptions options)
    {
        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out _))
        {
            throw new UsageException($"API_BASE_URL is not an absolute URL ('{options.ApiBaseUrl}')");
        }
        return () => new LlmAgent(options);
    }
}
