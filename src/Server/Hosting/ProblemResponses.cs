namespace TraceFix.Server.Hosting;

/// <summary>
/// Problem JSON written outside an endpoint (middleware, the exception handler): the status code and the body are set in
/// one place, so they cannot disagree. Endpoints return <c>TypedResults.Problem</c> instead.
/// </summary>
public static class ProblemResponses
{
    public const string TooLargeTitle = "Request body too large";

    /// <returns>False when the client accepts no problem JSON (the status code is set all the same).</returns>
    public static ValueTask<bool> WriteProblemAsync(this IProblemDetailsService problems, HttpContext context, int status, string title,
        string detail, Exception? exception = null)
    {
        context.Response.StatusCode = status;
        return problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
