using System.Text.Json;
using TraceFix.Contracts.Episodes;
using TraceFix.Server.OpenEnv.Wire;

namespace TraceFix.Server.OpenEnv.Http;

/// <summary>Writes a reset or step answer straight into the response pipe, without the async serializer's overhead.</summary>
public sealed class StepResponseResult(StepResult result) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json";
        var pipe = httpContext.Response.BodyWriter;
        await using (var writer = new Utf8JsonWriter(pipe, new JsonWriterOptions { Encoder = WireJson.Options.Encoder }))
        {
            StepResponseWriter.Write(writer, result);
        }
        await pipe.FlushAsync(httpContext.RequestAborted);
    }
}
