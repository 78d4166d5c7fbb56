using Microsoft.AspNetCore.Http.HttpResults;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs;

namespace TraceFix.Server.Api;

/// <summary><c>/api/models</c>: the llm agent's endpoints by name, with model id and prices (never a key or its variable).</summary>
public static class ModelsApi
{
    /// <summary>Reads only, on <paramref name="reads"/> (under /api).</summary>
    public static void MapModelsApi(IEndpointRouteBuilder reads) =>
        reads.MapGet("/models", List).WithTags("Models");

    private static Ok<IReadOnlyList<ModelInfo>> List(ModelEndpoints endpoints) => TypedResults.Ok(endpoints.All);
}
