using Microsoft.Extensions.Options;

namespace TraceFix.Server.Security;

/// <summary>
/// Rejects protected requests (see <see cref="ProtectedRoutes"/>) that lack the operator key with 401 problem JSON.
/// The key and the presented value are never logged; a rejection logs only method and path.
/// </summary>
public sealed class OperatorKeyMiddleware(RequestDelegate next, IOptions<SecurityOptions> options,
    IProblemDetailsService problems, ILogger<OperatorKeyMiddleware> logger)
{
    private readonly OperatorKey? _key = options.Value.RequiresKey ? new OperatorKey(options.Value.OperatorKey!) : null;

    public async Task InvokeAsync(HttpContext context)
    {
        if (_key is null || !ProtectedRoutes.RequiresKey(context.Request) || _key.Matches(OperatorKey.Presented(context.Request)))
        {
            await next(context);
            return;
        }
        logger.LogWarning("Rejected {Method} {Path}: operator key missing or wrong", context.Request.Method, context.Request.Path.Value);
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer realm=\"tracefix\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Operator key required",
                Detail = $"Send the operator key as 'Authorization: Bearer <key>' or '{OperatorKey.KeyHeader}: <key>'.",
            },
        });
    }
}
