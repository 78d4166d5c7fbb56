using Microsoft.AspNetCore.Http.HttpResults;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs;
using TraceFix.Server.Security;
using TraceFix.Server.Store;

namespace TraceFix.Server.Api;

/// <summary><c>/api/runs</c>: start, list, detail, steps, cancel, delete. Export and import are in <see cref="RunTransferApi"/>.</summary>
public static class RunsApi
{
    public const int MaxPageSize = 200;

    /// <summary>Reads on <paramref name="reads"/>, changes on <paramref name="writes"/> (both under /api).</summary>
    public static void MapRunsApi(IEndpointRouteBuilder reads, IEndpointRouteBuilder writes)
    {
        var read = reads.MapGroup("/runs").WithTags("Runs");
        read.MapGet("/", List);
        read.MapGet("/{id:guid}", Get);
        read.MapGet("/{id:guid}/steps", Steps);
        read.MapGet("/{id:guid}/steps/{sequence:long}/exchange", Exchange);
        reads.MapGet("/episodes/{id:long}", Episode).WithTags("Runs");
        var write = writes.MapGroup("/runs").WithTags("Runs");
        write.MapPost("/", Start).RequireRateLimiting(RunStartLimiter.Policy);
        write.MapPost("/{id:guid}/cancel", Cancel);
        write.MapDelete("/{id:guid}", Delete);
    }

    private static async Task<Results<Accepted<RunAccepted>, ValidationProblem, ProblemHttpResult>> Start(
        StartRunRequest request, RunService runs, CancellationToken cancellationToken)
    {
        var outcome = await runs.StartAsync(request, cancellationToken);
        if (outcome.Errors is { } errors)
        {
            return TypedResults.ValidationProblem(errors, title: "The run request is not valid");
        }
        if (outcome.NotFound is { } missing)
        {
            return ApiResults.NotFound(missing);
        }
        if (outcome.RunId is not { } id)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Run queue full",
                detail: "Too many runs are waiting; try again when some have finished.");
        }
        var url = ApiResults.RunUrl(id);
        return TypedResults.Accepted(url, new RunAccepted(id, url) { RunIds = outcome.RunIds ?? [id] });
    }

    private static async Task<Results<Ok<PagedResult<RunSummary>>, ValidationProblem>> List(
        [AsParameters] RunListQuery query, RunStore store, CancellationToken cancellationToken)
    {
        var errors = query.Validate(out var filter);
        return errors.Count > 0
            ? TypedResults.ValidationProblem(errors, title: "The query is not valid")
            : TypedResults.Ok(await store.ListAsync(filter!, cancellationToken));
    }

    /// <summary><c>?steps=false</c> leaves the steps out (episodes only); read them with <c>/steps?after=</c> or the hub.</summary>
    private static async Task<Results<Ok<RunDetail>, ProblemHttpResult>> Get(Guid id, bool? steps, RunStore store, CancellationToken cancellationToken) =>
        await store.GetDetailAsync(id, cancellationToken, includeSteps: steps ?? true) is { } detail
            ? TypedResults.Ok(detail)
            : ApiResults.NotFound($"run {id} does not exist");

    /// <summary>The stored steps after <c>after</c>, or with a search (<c>q</c>, <c>action</c>, …) only the matching ones.</summary>
    private static async Task<Results<Ok<IReadOnlyList<StepDto>>, ValidationProblem, ProblemHttpResult>> Steps(
        Guid id, [AsParameters] StepsQuery query, RunStore store, CancellationToken cancellationToken)
    {
        var errors = query.Validate(out var search);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The query is not valid");
        }
        if (await store.GetStatusAsync(id, cancellationToken) is null)
        {
            return ApiResults.NotFound($"run {id} does not exist");
        }
        var after = query.After ?? 0;
        var limit = query.Limit ?? 1000;
        return TypedResults.Ok(search.IsEmpty
            ? await store.GetStepsAfterAsync(id, after, limit, cancellationToken)
            : await store.SearchStepsAsync(id, search, after, limit, cancellationToken));
    }

    /// <summary>What the model was sent and answered for one step (message text only; keys and headers are never stored).</summary>
    private static async Task<Results<Ok<ModelExchange>, ProblemHttpResult>> Exchange(Guid id, long sequence, RunStore store,
        CancellationToken cancellationToken) =>
        await store.GetExchangeAsync(id, sequence, cancellationToken) is { } exchange
            ? TypedResults.Ok(exchange)
            : ApiResults.NotFound($"step {sequence} of run {id} has no model exchange (no such step, or its agent calls no model)");

    private static async Task<Results<Ok<EpisodeDto>, ProblemHttpResult>> Episode(long id, RunStore store, CancellationToken cancellationToken) =>
        await store.GetEpisodeAsync(id, cancellationToken) is { } episode ? TypedResults.Ok(episode) : ApiResults.NotFound($"episode {id} does not exist");

    private static async Task<Results<Ok<RunSummary>, ProblemHttpResult>> Cancel(Guid id, RunService runs, CancellationToken cancellationToken)
    {
        var (result, run) = await runs.CancelAsync(id, cancellationToken);
        return result switch
        {
            RunActionResult.Done when run is not null => TypedResults.Ok(run),
            RunActionResult.NotFound or RunActionResult.Done => ApiResults.NotFound($"run {id} does not exist"),
            _ => ApiResults.Conflict($"run {id} has already ended ({run?.Status.ToWire()})"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(Guid id, RunService runs, CancellationToken cancellationToken) =>
        await runs.DeleteAsync(id, cancellationToken) switch
        {
            RunActionResult.Done => TypedResults.NoContent(),
            RunActionResult.NotFound => ApiResults.NotFound($"run {id} does not exist"),
            _ => ApiResults.Conflict($"run {id} is still queued or running; cancel it first"),
        };
}
