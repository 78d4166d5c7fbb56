using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs;
using TraceFix.Server.Runs.Transfer;
using TraceFix.Server.Security;

namespace TraceFix.Server.Api;

/// <summary>
/// <c>GET /api/runs/{id}/export</c> streams a run as JSONL (<see cref="RunExporter"/>); <c>POST /api/runs/import</c> stores
/// such a file as a new run (<see cref="RunImporter"/>).
/// </summary>
public static class RunTransferApi
{
    public const string JsonLines = "application/x-ndjson";

    /// <summary>The export on <paramref name="reads"/>, the import (a run start) on <paramref name="writes"/> (both under /api).</summary>
    public static void MapRunTransferApi(IEndpointRouteBuilder reads, IEndpointRouteBuilder writes)
    {
        var limits = reads.ServiceProvider.GetRequiredService<IOptions<RunEngineOptions>>().Value;
        reads.MapGet("/runs/{id:guid}/export", Export).WithTags("Runs");
        writes.MapPost("/runs/import", Import).WithTags("Runs").WithMetadata(new BodyLimit(limits.MaxImportBytes))
            .RequireRateLimiting(RunStartLimiter.Policy);
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> Export(Guid id, RunExporter exporter,
        CancellationToken cancellationToken)
    {
        if (await exporter.OpenAsync(id, cancellationToken) is not { } head)
        {
            return ApiResults.NotFound($"run {id} does not exist");
        }
        return TypedResults.Stream(stream => exporter.WriteAsync(head, stream, cancellationToken), JsonLines, $"run-{id}.jsonl");
    }

    private static async Task<Results<Created<RunAccepted>, ValidationProblem>> Import(HttpRequest request, RunImporter importer,
        CancellationToken cancellationToken)
    {
        var outcome = await importer.ImportAsync(request.Body, cancellationToken);
        if (outcome.RunId is not { } id)
        {
            return TypedResults.ValidationProblem(outcome.Errors, title: "The import file is not valid");
        }
        var url = ApiResults.RunUrl(id);
        return TypedResults.Created(url, new RunAccepted(id, url));
    }
}
