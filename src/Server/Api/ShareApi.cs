using Microsoft.AspNetCore.Http.HttpResults;
using TraceFix.Contracts.Runs;
using TraceFix.Server.Runs.Sharing;

namespace TraceFix.Server.Api;

/// <summary>Share links: creating and revoking need the operator key; opening one (<c>/api/shared/{token}</c>) does not.</summary>
public static class ShareApi
{
    public static void MapShareApi(IEndpointRouteBuilder reads, IEndpointRouteBuilder writes)
    {
        writes.MapPost("/runs/{id:guid}/share", Create).WithTags("Sharing");
        writes.MapDelete("/runs/{id:guid}/share/{linkId:guid}", Revoke).WithTags("Sharing");
        reads.MapGet("/shared/{token}", Open).WithTags("Sharing");
    }

    private static async Task<Results<Created<ShareLink>, ValidationProblem, ProblemHttpResult>> Create(
        Guid id, ShareRequest? request, ShareLinks links, CancellationToken cancellationToken)
    {
        var hours = request?.ExpiresInHours ?? ShareRequest.DefaultHours;
        if (hours is < 1 or > ShareRequest.MaxHours)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["expiresInHours"] = [$"must be between 1 and {ShareRequest.MaxHours} hours"],
            });
        }
        return await links.CreateAsync(id, hours, cancellationToken) is { } link
            ? TypedResults.Created($"/api/runs/{id}/share/{link.Id}", link)
            : ApiResults.NotFound($"run {id} does not exist");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(Guid id, Guid linkId, ShareLinks links,
        CancellationToken cancellationToken) =>
        await links.RevokeAsync(id, linkId, cancellationToken)
            ? TypedResults.NoContent()
            : ApiResults.NotFound($"run {id} has no share link {linkId}");

    private static async Task<Results<Ok<SharedRun>, ProblemHttpResult>> Open(string token, ShareLinks links, CancellationToken cancellationToken)
    {
        var (state, run) = await links.OpenAsync(token, cancellationToken);
        return state switch
        {
            ShareState.Open => TypedResults.Ok(run!),
            ShareState.Forged => ApiResults.NotFound("this share link is not valid: it was damaged or was not issued by this server"),
            ShareState.Expired => Gone("this share link has expired; ask for a new one"),
            ShareState.Revoked => Gone("this share link was revoked"),
            _ => Gone("the shared run was deleted"),
        };
    }

    private static ProblemHttpResult Gone(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Share link no longer valid", detail: detail);
}
