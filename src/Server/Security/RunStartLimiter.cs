using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace TraceFix.Server.Security;

/// <summary>
/// A fixed-window limit on run and play starts per client address, shared by the endpoints that carry
/// <c>RequireRateLimiting(RunStartLimiter.Policy)</c> (starting a run, importing one, starting manual play); other
/// requests are not limited. Rejections are 429 problem JSON with <c>Retry-After</c>.
/// </summary>
public static class RunStartLimiter
{
    public const string Policy = "run-starts";

    public static void Configure(RateLimiterOptions limiter, SecurityOptions options)
    {
        var window = TimeSpan.FromSeconds(options.RunStartWindowSeconds);
        limiter.AddPolicy(Policy, context =>
            options.RunStartsPerWindow == 0
                ? RateLimitPartition.GetNoLimiter("unlimited")
                : RateLimitPartition.GetFixedWindowLimiter(context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = options.RunStartsPerWindow, Window = window, QueueLimit = 0 }));
        limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        limiter.OnRejected = async (rejected, cancellationToken) =>
        {
            var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : window;
            var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
            var context = rejected.HttpContext;
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many run starts",
                    Detail = $"At most {options.RunStartsPerWindow} runs may be started per {options.RunStartWindowSeconds} s; retry in {seconds} s.",
                },
            });
        };
    }
}
