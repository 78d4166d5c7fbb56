using Microsoft.AspNetCore.Http.HttpResults;
using TraceFix.Contracts.Episodes;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs.Play;
using TraceFix.Server.Security;

namespace TraceFix.Server.Api;

/// <summary><c>/api/play</c>: a person plays an episode step by step; each step is stored and streamed like an agent's.</summary>
public static class PlayApi
{
    /// <summary>Every play route changes something: all are on <paramref name="writes"/> (under /api).</summary>
    public static void MapPlayApi(IEndpointRouteBuilder writes)
    {
        var group = writes.MapGroup("/play").WithTags("Play");
        group.MapPost("/", Start).RequireRateLimiting(RunStartLimiter.Policy);
        group.MapPost("/{id:guid}/step", Step);
        group.MapDelete("/{id:guid}", Close);
    }

    private static async Task<Results<Created<PlaySession>, ValidationProblem>> Start(
        StartPlayRequest request, PlaySessions sessions, CancellationToken cancellationToken)
    {
        var outcome = await sessions.StartAsync(request, cancellationToken);
        return outcome.Value is { } session
            ? TypedResults.Created(ApiResults.RunUrl(session.RunId), session)
            : TypedResults.ValidationProblem(outcome.Errors ?? [], title: "The play request is not valid");
    }

    private static async Task<Results<Ok<PlayStepResult>, ProblemHttpResult>> Step(
        Guid id, CodeAction action, PlaySessions sessions, CancellationToken cancellationToken)
    {
        var outcome = await sessions.StepAsync(id, action, cancellationToken);
        return outcome switch
        {
            { Value: { } step } => TypedResults.Ok(step),
            { Failure: PlayFailure.NotFound } => ApiResults.NotFound($"play session {id} does not exist"),
            _ => ApiResults.Conflict($"play session {id} has ended; start a new one"),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Close(Guid id, PlaySessions sessions, CancellationToken cancellationToken) =>
        await sessions.CloseAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiResults.NotFound($"no open play session {id}");
}
