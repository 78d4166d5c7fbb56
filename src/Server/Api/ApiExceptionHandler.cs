using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using TraceFix.Server.Hosting;

namespace TraceFix.Server.Api;

/// <summary>
/// Turns request errors found while binding (malformed JSON, wrong types, unknown fields, missing body, too large) into
/// 400/413 problem JSON with the offending field named; a database that cannot be reached into 503 (the client may
/// retry); anything else becomes a 500 problem without internals.
/// </summary>
public sealed class ApiExceptionHandler(IProblemDetailsService problems, ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (IsDatabaseUnavailable(exception))
        {
            logger.LogWarning("Database unavailable on {Method} {Path}: {Reason}", context.Request.Method, context.Request.Path, exception.Message);
            context.Response.Headers.RetryAfter = "5";
            return await problems.WriteProblemAsync(context, StatusCodes.Status503ServiceUnavailable, "Database unavailable",
                "The database cannot be reached right now; try again shortly.");
        }
        if (exception is not BadHttpRequestException bad)
        {
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            return await problems.WriteProblemAsync(context, StatusCodes.Status500InternalServerError, "Internal server error",
                "The server could not complete the request.", exception);
        }

        if (bad.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return await problems.WriteProblemAsync(context, bad.StatusCode, ProblemResponses.TooLargeTitle, bad.Message);
        }
        context.Response.StatusCode = bad.StatusCode;
        var json = FindJsonError(bad);
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : "body";
        var message = json?.Message ?? bad.Message;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
            {
                Status = bad.StatusCode,
                Title = "The request is not valid",
                Detail = bad.Message,
            },
        });
    }

    private static bool IsDatabaseUnavailable(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is System.Data.Common.DbException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    private static JsonException? FindJsonError(Exception exception)
    {
        for (var inner = exception.InnerException; inner is not null; inner = inner.InnerException)
        {
            if (inner is JsonException json)
            {
                return json;
            }
        }
        return null;
    }
}
