using Microsoft.AspNetCore.Http.HttpResults;

namespace TraceFix.Server.Api;

internal static class ApiResults
{
    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Conflict", detail: detail);

    public static string RunUrl(Guid id) => $"/api/runs/{id}";
}
