using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using TraceFix.Server.Hosting;
using TraceFix.Server.Runs;

namespace TraceFix.Server.Api;

/// <summary>
/// Enforces <see cref="BodyLimit"/> (default <see cref="RunEngineOptions.MaxRequestBytes"/> under /api) before the body is read:
/// a declared length over the limit gets 413 problem JSON at once; a chunked body is cut off by the server at the limit.
/// </summary>
public sealed class BodyLimitMiddleware(RequestDelegate next, IOptions<RunEngineOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = context.GetEndpoint()?.Metadata.GetMetadata<BodyLimit>()?.Bytes
            ?? (context.Request.Path.StartsWithSegments("/api") ? options.Value.MaxRequestBytes : null);
        if (limit is { } bytes)
        {
            if (context.Request.ContentLength > bytes)
            {
                await problems.WriteProblemAsync(context, StatusCodes.Status413PayloadTooLarge, ProblemResponses.TooLargeTitle,
                    $"The body has {context.Request.ContentLength} bytes; this endpoint accepts at most {bytes}.");
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = bytes;
            }
        }
        await next(context);
    }
}
