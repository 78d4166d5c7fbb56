using Microsoft.AspNetCore.Http.Json;
using TraceFix.Contracts.Runs;

namespace TraceFix.Server.Api;

public static class ProblemsSetup
{
    /// <summary>RFC 7807 problem JSON for every error, binding errors included, and the shared JSON metadata of the /api DTOs.</summary>
    public static WebApplicationBuilder AddDashboardApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        // Binding errors become exceptions in every environment, so the handler above can name the field.
        builder.Services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(options => options.SerializerOptions.TypeInfoResolverChain.Insert(0, RunsJsonContext.Default));
        return builder;
    }
}
