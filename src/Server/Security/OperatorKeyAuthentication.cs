using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace TraceFix.Server.Security;

/// <summary>
/// The <c>OperatorKey</c> authentication scheme: a request presenting the configured key (<c>Authorization: Bearer</c>
/// or <c>X-TraceFix-Key</c>, compared in constant time) is the operator. Without a configured key every request is the
/// operator (the embedded default is open). A refusal is 401 problem JSON with <c>WWW-Authenticate</c>; neither the key
/// nor the presented value is ever logged, only method and path.
/// </summary>
public sealed class OperatorKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> schemes, ILoggerFactory loggers,
    UrlEncoder encoder, IOptions<SecurityOptions> security, IProblemDetailsService problems)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemes, loggers, encoder)
{
    public const string SchemeName = "OperatorKey";
    public const string RoleClaim = "tracefix:role";
    public const string OperatorRole = "operator";

    private readonly OperatorKey? _key = security.Value.RequiresKey ? new OperatorKey(security.Value.OperatorKey!) : null;

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (_key is null)
        {
            return Task.FromResult(Operator());
        }
        var presented = OperatorKey.Presented(Request);
        if (presented is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }
        return Task.FromResult(_key.Matches(presented) ? Operator() : AuthenticateResult.Fail("operator key wrong"));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Logger.LogWarning("Rejected {Method} {Path}: operator key missing or wrong", Request.Method, Request.Path.Value);
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"tracefix\"";
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = Context,
            ProblemDetails =
            {
                Status = StatusCodes.Status401Unauthorized,
                Title = "Operator key required",
                Detail = $"Send the operator key as 'Authorization: Bearer <key>' or '{OperatorKey.KeyHeader}: <key>'.",
            },
        });
    }

    private AuthenticateResult Operator() => AuthenticateResult.Success(new AuthenticationTicket(
        new ClaimsPrincipal(new ClaimsIdentity([new Claim(RoleClaim, OperatorRole)], SchemeName)), SchemeName));
}
