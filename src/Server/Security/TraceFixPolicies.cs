using Microsoft.AspNetCore.Authorization;

namespace TraceFix.Server.Security;

/// <summary>
/// Who may call an endpoint. Every endpoint states it: <c>RequireAuthorization(TraceFixPolicies.Operator)</c> for
/// changes and for driving environments, <c>AllowAnonymous()</c> for reads viewers may make. An endpoint that states
/// neither falls back to <see cref="Operator"/>, so a new route is never public by accident (EndpointPolicyTests checks
/// every mapped endpoint against its table).
/// </summary>
public static class TraceFixPolicies
{
    public const string Operator = "tracefix-operator";

    public static AuthorizationPolicy OperatorPolicy { get; } = new AuthorizationPolicyBuilder(OperatorKeyAuthentication.SchemeName)
        .RequireClaim(OperatorKeyAuthentication.RoleClaim, OperatorKeyAuthentication.OperatorRole)
        .Build();

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Operator, OperatorPolicy);
        options.FallbackPolicy = OperatorPolicy;
    }

    /// <summary>A route group only the operator may call.</summary>
    public static RouteGroupBuilder MapOperatorGroup(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup(prefix).RequireAuthorization(Operator);

    /// <summary>A route group of reads open to every viewer.</summary>
    public static RouteGroupBuilder MapViewerGroup(this IEndpointRouteBuilder app, string prefix) =>
        app.MapGroup(prefix).AllowAnonymous();
}
