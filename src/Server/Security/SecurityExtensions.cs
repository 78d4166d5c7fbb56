using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using TraceFix.Server.Hosting;

namespace TraceFix.Server.Security;

public static class SecurityExtensions
{
    /// <summary>The operator-key scheme, the policies (<see cref="TraceFixPolicies"/>) and the run-start limit.</summary>
    public static WebApplicationBuilder AddTraceFixSecurity(this WebApplicationBuilder builder)
    {
        builder.Services.AddSettings<SecurityOptions>();
        builder.Services.AddAuthentication(OperatorKeyAuthentication.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OperatorKeyAuthentication>(OperatorKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorization(TraceFixPolicies.Configure);
        builder.Services.AddRateLimiter(_ => { });
        builder.Services.AddOptions<RateLimiterOptions>()
            .Configure<IOptions<SecurityOptions>>((limiter, security) => RunStartLimiter.Configure(limiter, security.Value));
        return builder;
    }

    /// <summary>
    /// After routing: who is calling, whether the endpoint's policy admits them, then the start limit (so unauthenticated
    /// callers cannot use up an operator's permits).
    /// </summary>
    public static WebApplication UseTraceFixSecurity(this WebApplication app)
    {
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        app.Logger.LogInformation("Operator key {State}; run starts limited to {Limit} per {Window} s",
            options.RequiresKey ? "required for changes and environments" : "not configured: the server is open",
            options.RunStartsPerWindow, options.RunStartWindowSeconds);
        return app;
    }
}
