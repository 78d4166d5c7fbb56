namespace TraceFix.Server.Runs;

/// <summary>Registers the agents the server can run (offline repair, LLM, replay).</summary>
public static class BuiltInAgents
{
    public static IServiceCollection AddBuiltInAgents(this IServiceCollection services, IConfiguration configuration)
    {
        return services;
    }
}
