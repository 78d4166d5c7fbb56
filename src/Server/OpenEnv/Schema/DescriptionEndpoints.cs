using System.Reflection;
using System.Text.Json.Nodes;
using TraceFix.Server.OpenEnv.Sessions;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Schema;

/// <summary>GET /health, GET /schema and GET /metadata.</summary>
public static class DescriptionEndpoints
{
    public const string EnvironmentName = "tracefix_rl";

    public static IEndpointRouteBuilder MapEnvironmentDescription(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Environment (description)");
        group.MapGet("/health", (SessionManager sessions) =>
                Results.Json(new HealthDocument("healthy", sessions.ActiveSessions, sessions.MaxSessions), WireJson.Plain))
            .WithSummary("Liveness probe (OpenEnv's launcher waits for 200)")
            .Produces<HealthDocument>();
        group.MapGet("/schema", () => Results.Json(EnvironmentSchemas.Get(), WireJson.Plain))
            .WithSummary("JSON schemas of the action, observation, state and reset arguments")
            .Produces<JsonObject>();
        group.MapGet("/metadata", () => Results.Json(Metadata, WireJson.Plain))
            .WithSummary("Name and description of the environment")
            .Produces<EnvironmentMetadata>();
        return app;
    }

    private static readonly EnvironmentMetadata Metadata = new(
        EnvironmentName,
        "TraceFix: an LLM debugging environment. Each episode hands the agent a buggy Python program with hidden unit tests; "
        + "the agent views the code, runs the tests, replaces lines, undoes edits and submits, and is rewarded for making the tests pass.",
        ReadmeContent: null,
        Version: typeof(DescriptionEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "1.0.0",
        Author: "TraceFix",
        DocumentationUrl: "/docs");
}
