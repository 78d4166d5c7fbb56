using Microsoft.Extensions.Options;

namespace TraceFix.Server.Security;

public static class SecurityExtensions
{
    public static WebApplicationBuilder AddTraceFixSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<Microsoft.AspNetCore.RateLimiting.RateLimiterOptions>()
            .Configure<IOptions<SecurityOptions>>((limiter, security) => RunStartLimiter.Configure(limiter, security.Value));
        return builder;
    }

    /// <summary>The key check first, then the start limit, so unauthenticated callers cannot use up an operator's permits.</summary>
    public static WebApplication UseTraceFixSecurity(this WebApplication app)
    {
        app.UseMiddleware<OperatorKeyMiddleware>();
        app.UseRateLimiter();
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        app.Logger.LogInformation("Operator key {State}; run starts limited to {Limit} per {Window} s",
            options.RequiresKey ? "required for changes and environments" : "not configured: the server is open",
            options.RunStartsPerWindow, options.RunStartWindowSeconds);
        return app;
    }
}
